package dev.driftless.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.spec.EcsFieldNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** The spec layer's list of ECS field names (for {@code extra}) is the SDK model's, no more and no less. */
class EcsFieldNamesTest {
    @Test
    void theTaskDefinitionNamesAreRegisterTaskDefinitionsFields() {
        assertThat(EcsFieldNames.TASK_DEFINITION)
                .containsExactlyInAnyOrderElementsOf(names(RegisterTaskDefinitionRequest.builder().build()));
    }

    @Test
    void theContainerNamesAreContainerDefinitionsFields() {
        assertThat(EcsFieldNames.CONTAINER).containsExactlyInAnyOrderElementsOf(names(ContainerDefinition.builder().build()));
    }

    @Test
    void everyTypedFieldIsAnEcsField() {
        assertThat(EcsFieldNames.TASK_DEFINITION).containsAll(EcsFieldNames.TYPED_TASK.keySet());
        assertThat(EcsFieldNames.CONTAINER).containsAll(EcsFieldNames.TYPED_CONTAINER.keySet());
    }

    private static List<String> names(SdkPojo model) {
        return model.sdkFields().stream().map(SdkField::locationName).toList();
    }
}
