package dev.driftless.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.spec.EcsFieldNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
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

    /** The shapes the rules check extra values against are the SDK model's marshalling types, for every untyped field. */
    @Test
    void theShapesAreTheModelsForEveryFieldExtraMaySet() {
        assertThat(EcsFieldNames.TASK_SHAPES).isEqualTo(shapes(RegisterTaskDefinitionRequest.builder().build(),
                EcsFieldNames.TYPED_TASK.keySet()));
        assertThat(EcsFieldNames.CONTAINER_SHAPES).isEqualTo(shapes(ContainerDefinition.builder().build(),
                EcsFieldNames.TYPED_CONTAINER.keySet()));
    }

    private static Map<String, EcsFieldNames.Shape> shapes(SdkPojo model, Set<String> typed) {
        Map<String, EcsFieldNames.Shape> out = new HashMap<>();
        for (SdkField<?> f : model.sdkFields()) {
            if (!typed.contains(f.locationName())) {
                out.put(f.locationName(), shape(f.marshallingType()));
            }
        }
        return out;
    }

    private static EcsFieldNames.Shape shape(MarshallingType<?> type) {
        if (type == MarshallingType.STRING) {
            return EcsFieldNames.Shape.TEXT;
        } else if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
            return EcsFieldNames.Shape.WHOLE_NUMBER;
        } else if (type == MarshallingType.BOOLEAN) {
            return EcsFieldNames.Shape.TRUE_OR_FALSE;
        } else if (type == MarshallingType.LIST) {
            return EcsFieldNames.Shape.LIST;
        } else if (type == MarshallingType.SDK_POJO || type == MarshallingType.MAP) {
            return EcsFieldNames.Shape.MAPPING;
        }
        throw new AssertionError("a field of marshalling type " + type + ": give EcsFieldNames.Shape a case for it");
    }

    private static List<String> names(SdkPojo model) {
        return model.sdkFields().stream().map(SdkField::locationName).toList();
    }
}
