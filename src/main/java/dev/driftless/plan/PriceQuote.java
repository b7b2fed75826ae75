package dev.driftless.plan;

import java.util.List;

/** The rates used for one service, and anything the reader should know about where they came from. */
public record PriceQuote(FargateRates rates, List<String> notes) {
    public PriceQuote {
        notes = List.copyOf(notes);
    }
}
