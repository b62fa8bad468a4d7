package com.tobacco.retailcrm.survey.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 满意度指数 — the mean of RATING answers scaled to 0–100: ((value − 1) ÷ 4 × 100), two places; null without answers. */
public final class SatisfactionIndex {

    private SatisfactionIndex() {
    }

    /** From the number of RATING answers and the sum of their values (1–5 each). */
    public static BigDecimal of(long answers, long sumOfValues) {
        if (answers == 0) {
            return null;
        }
        return BigDecimal.valueOf(sumOfValues - answers).multiply(BigDecimal.valueOf(25))
                .divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP);
    }

    /** This index minus the earlier one, two places; null when either is missing. */
    public static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before).setScale(2, RoundingMode.HALF_UP);
    }
}
