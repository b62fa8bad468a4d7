package com.tobacco.retailcrm.rating.evaluation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 评价权重 ({@code crm.evaluation.weights.*}): how much each dimension counts in the total. The total is the weighted
 * mean {@code Σ wᵢ·scoreᵢ / Σ wᵢ}, so weights need not add up to 100. Defaults: contribution 30, dependence 15,
 * integrity 25, growth 15, cooperation 15.
 */
@ConfigurationProperties(prefix = "crm.evaluation.weights")
record EvaluationWeights(BigDecimal contribution, BigDecimal dependence, BigDecimal integrity, BigDecimal growth,
                         BigDecimal cooperation) {

    EvaluationWeights {
        contribution = orDefault(contribution, 30);
        dependence = orDefault(dependence, 15);
        integrity = orDefault(integrity, 25);
        growth = orDefault(growth, 15);
        cooperation = orDefault(cooperation, 15);
        if (sum(contribution, dependence, integrity, growth, cooperation).signum() <= 0
                || contribution.signum() < 0 || dependence.signum() < 0 || integrity.signum() < 0
                || growth.signum() < 0 || cooperation.signum() < 0) {
            throw new IllegalArgumentException("crm.evaluation.weights: each at least 0 and their sum above 0");
        }
    }

    BigDecimal sum() {
        return sum(contribution, dependence, integrity, growth, cooperation);
    }

    private static BigDecimal sum(BigDecimal... values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }

    private static BigDecimal orDefault(BigDecimal value, int fallback) {
        return value == null ? BigDecimal.valueOf(fallback) : value;
    }
}
