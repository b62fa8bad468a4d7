package com.tobacco.retailcrm.rating.integrity;

/** 检查频次 — how often the monopoly office inspects a retailer (supervision by grade, docs/domain/rating.md). */
public enum InspectionFrequency {
    WEEKLY(52), BIWEEKLY(26), MONTHLY(12), QUARTERLY(4), HALF_YEARLY(2);

    private final int timesPerYear;

    InspectionFrequency(int timesPerYear) {
        this.timesPerYear = timesPerYear;
    }

    public int timesPerYear() {
        return timesPerYear;
    }
}
