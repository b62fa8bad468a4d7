package com.tobacco.retailcrm.classification.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 档位 — N tiers by the classification score, within each format like the scale. Tier N is the best (the custom of
 * 30 档: 30 is the top); {@code shares} gives each tier's share of the format's customers in percent, best tier
 * first, adding up to 100; empty means equal shares. A customer's tier is found from its rank: counting from the
 * best, the t-th tier ends at rank round-half-up(n × cumulative share), so ties (equal rank) share a tier.
 */
@ConfigurationProperties(prefix = "crm.classification.tiers")
public record TierScheme(Integer count, List<BigDecimal> shares) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TierScheme {
        count = count == null ? 30 : count;
        shares = shares == null ? List.of() : List.copyOf(shares);
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("crm.classification.tiers.count must be 1..100, not " + count);
        }
        if (!shares.isEmpty()) {
            if (shares.size() != count) {
                throw new IllegalArgumentException("crm.classification.tiers.shares needs " + count + " values");
            }
            if (shares.stream().anyMatch(s -> s.signum() < 0)
                    || shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(HUNDRED) != 0) {
                throw new IllegalArgumentException("crm.classification.tiers.shares must be ≥ 0 and add up to 100");
            }
        }
    }

    /**
     * Where each tier ends, counted from the best, as exact fractions of the format's customers:
     * {@code numerators[t] / denominator} (t/N for equal shares, cumulative percent / 100 otherwise), so that a
     * boundary falling on exactly half a customer rounds up in SQL as it would by hand.
     */
    public List<BigDecimal> boundaryNumerators() {
        List<BigDecimal> numerators = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int t = 0; t < count; t++) {
            sum = shares.isEmpty() ? BigDecimal.valueOf(t + 1) : sum.add(shares.get(t));
            numerators.add(sum);
        }
        return numerators;
    }

    public BigDecimal boundaryDenominator() {
        return shares.isEmpty() ? BigDecimal.valueOf(count) : HUNDRED;
    }
}
