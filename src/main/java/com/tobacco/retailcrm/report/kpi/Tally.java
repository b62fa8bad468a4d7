package com.tobacco.retailcrm.report.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 考核计数 — the counts behind one group's indicators (a manager in a county). Groups add up: a manager, a county and
 * the company are sums of counts, and each ratio is taken of the sums, never averaged. Ratios are decimal strings with
 * 4 places (half up), null where their denominator is 0.
 */
public final class Tally {

    /** The indicators counted over the month; the others are the archive at the month's snapshot time. */
    public static final java.util.List<String> MONTHLY = java.util.List.of("changesOnTime", "visitCoverage",
            "complaints", "complaintRate", "onTimeResolution", "callbackSatisfaction", "surveyIndex",
            "orderSuccessRate", "electronicSettlementRate");

    long customers;
    BigDecimal completenessSum = BigDecimal.ZERO;
    long overdueNew;
    long changesFinished;
    long changesOnTime;
    long visitsDue;
    long visitsCounted;
    long complaints;
    long resolvedOnTime;
    long resolutionLate;
    long callbacks;
    long satisfied;
    long ratings;
    long ratingSum;
    long ordered;
    long succeeded;
    long electronic;

    Tally add(Tally o) {
        customers += o.customers;
        completenessSum = completenessSum.add(o.completenessSum);
        overdueNew += o.overdueNew;
        changesFinished += o.changesFinished;
        changesOnTime += o.changesOnTime;
        visitsDue += o.visitsDue;
        visitsCounted += o.visitsCounted;
        complaints += o.complaints;
        resolvedOnTime += o.resolvedOnTime;
        resolutionLate += o.resolutionLate;
        callbacks += o.callbacks;
        satisfied += o.satisfied;
        ratings += o.ratings;
        ratingSum += o.ratingSum;
        ordered += o.ordered;
        succeeded += o.succeeded;
        electronic += o.electronic;
        return this;
    }

    public long customers() {
        return customers;
    }

    public long complaints() {
        return complaints;
    }

    /** The indicators under the API's names, in the API's order. */
    public Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customers", customers);
        m.put("completeness", customers == 0 ? null : text(completenessSum.divide(BigDecimal.valueOf(customers), 4,
                RoundingMode.HALF_UP)));
        m.put("overdueNew", overdueNew);
        m.put("changesOnTime", ratio(changesOnTime, changesFinished));
        m.put("visitCoverage", ratio(visitsCounted, visitsDue));
        m.put("complaints", complaints);
        m.put("complaintRate", customers == 0 ? null : ratio(complaints * 1000, customers));
        m.put("onTimeResolution", ratio(resolvedOnTime, resolvedOnTime + resolutionLate));
        m.put("callbackSatisfaction", ratio(satisfied, callbacks));
        m.put("surveyIndex", ratings == 0 ? null : ratio((ratingSum - ratings) * 25, ratings));
        m.put("orderSuccessRate", ratio(succeeded, ordered));
        m.put("electronicSettlementRate", ratio(electronic, succeeded));
        return m;
    }

    /**
     * Every indicator, the archive's ({@link MonthlyFigures#SNAPSHOT_FIGURES}) null unless they are the month's own
     * month-end snapshot (a month first computed after it ended has no archive figures of its own).
     */
    public Map<String, Object> trendFigures(boolean monthEnd) {
        Map<String, Object> m = figures();
        if (!monthEnd) {
            MonthlyFigures.SNAPSHOT_FIGURES.forEach(k -> m.put(k, null));
        }
        return m;
    }

    static String ratio(long part, long whole) {
        return whole == 0 ? null : text(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4,
                RoundingMode.HALF_UP));
    }

    private static String text(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
