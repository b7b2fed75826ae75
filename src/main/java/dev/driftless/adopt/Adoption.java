package dev.driftless.adopt;

import java.util.List;

/**
 * Everything {@link SpecDraft} needs to write one spec for one environment.
 *
 * @param application the spec's name (lower-case letters, digits and '-')
 * @param source one line saying where it was read from, for the file's header
 * @param modeline the schema reference for editors ({@code ../schema/deploy-spec.schema.json} or the schema's URL)
 */
public record Adoption(String application, String account, String region, String environment, String cluster,
                       List<AdoptedService> services, String source, String modeline) {
    public Adoption {
        services = List.copyOf(services);
    }
}
