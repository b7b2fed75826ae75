package dev.driftless.plan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fargate prices by region and architecture, from the table shipped in the jar
 * ({@code dev/driftless/plan/fargate-prices.json}, which names its source and date). The spec's
 * {@code cost.prices} override single rates.
 *
 * @param retrieved the date the prices were read from {@link #source}
 */
public record PriceTable(
        String source, String retrieved, List<String> notes, String fallbackRegion,
        Map<String, Map<String, FargateRates>> regions) {

    public static final String RESOURCE = "/dev/driftless/plan/fargate-prices.json";
    /** Keys {@code cost.prices} may set. */
    public static final List<String> OVERRIDE_KEYS = List.of("vcpuHour", "gbHour", "spotVcpuHour", "spotGbHour",
            "storageGbHour");

    public PriceTable {
        notes = notes == null ? List.of() : List.copyOf(notes);
        regions = Map.copyOf(regions);
    }

    /** The table in the jar: a resource of the build, read once, never the network. */
    public static PriceTable builtIn() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("price table " + RESOURCE + " missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PriceTable parse(InputStream in) throws IOException {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(in, PriceTable.class);
    }

    /** Rates for a region and architecture (X86_64 or ARM64), with the spec's overrides applied. */
    public PriceQuote quote(String region, String architecture, Map<String, Double> overrides) {
        List<String> notes = new ArrayList<>();
        Map<String, FargateRates> byArch = regions.get(region);
        if (byArch == null) {
            notes.add("no Fargate prices for " + region + " in the built-in table (" + retrieved + "); "
                    + fallbackRegion + " prices used — set cost.prices in the spec for exact figures");
            byArch = regions.get(fallbackRegion);
        }
        FargateRates base = byArch.get(architecture);
        if (base == null) {
            throw new IllegalArgumentException("no Fargate prices for architecture " + architecture);
        }
        Map<String, Double> o = overrides == null ? Map.of() : overrides;
        FargateRates rates = new FargateRates(
                o.getOrDefault("vcpuHour", base.vcpuHour()),
                o.getOrDefault("gbHour", base.gbHour()),
                o.containsKey("spotVcpuHour") ? o.get("spotVcpuHour") : base.spotVcpuHour(),
                o.containsKey("spotGbHour") ? o.get("spotGbHour") : base.spotGbHour(),
                o.containsKey("storageGbHour") ? o.get("storageGbHour") : base.storageGbHour());
        if (!o.isEmpty()) {
            notes.add("prices overridden by the spec's cost.prices: " + String.join(", ", o.keySet()));
        }
        return new PriceQuote(rates, notes);
    }
}
