package dev.driftless.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Cost Explorer says the application spent this month and expects it to spend by the month's end.
 *
 * @param from first day counted (the 1st)
 * @param toExclusive the day counting stopped (today: Cost Explorer's days are UTC and today is incomplete)
 * @param byService USD month-to-date per AWS service, largest first
 * @param forecastRemainingUsd Cost Explorer's forecast from today to the end of the month, or null
 * @param forecastMissing why there is no forecast, or null
 * @param tagProblem why the tag filter found nothing although the account has spend, or null
 * @param accountMonthToDateUsd the unfiltered month-to-date total when it was asked for (tag diagnosis), or null
 */
public record ActualSpend(
        YearMonth month,
        LocalDate from,
        LocalDate toExclusive,
        String tagKey,
        String tagValue,
        Map<String, Double> byService,
        double monthToDateUsd,
        Double forecastRemainingUsd,
        String forecastMissing,
        String tagProblem,
        Double accountMonthToDateUsd) {

    public ActualSpend {
        byService = Collections.unmodifiableMap(new LinkedHashMap<>(byService));
    }

    /** Month-to-date plus the forecast for the rest of the month, when there is a forecast. */
    public Optional<Double> forecastMonthEndUsd() {
        return Optional.ofNullable(forecastRemainingUsd).map(f -> monthToDateUsd + f);
    }
}
