package com.tobacco.retailcrm.classification.domain;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 经营规模 — the scale rule: within each retail format, ranked by the classification score, the best {@code large}
 * percent of the customers are large (1), the last {@code small} percent small (3), the rest medium (2); equal scores
 * share the better class. docs/domain/classification.md's 20/60/20 is the default.
 */
@ConfigurationProperties(prefix = "crm.classification.scale")
public record ScaleShares(BigDecimal large, BigDecimal small) {

    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** 20 % large, 60 % medium, 20 % small. */
    public static final ScaleShares DEFAULT = new ScaleShares(TWENTY, TWENTY);

    public ScaleShares {
        large = large == null ? TWENTY : large;
        small = small == null ? TWENTY : small;
        if (large.signum() < 0 || small.signum() < 0 || large.add(small).compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("crm.classification.scale: large and small must be ≥ 0 and add up to"
                    + " at most 100 (percent), not " + large + " and " + small);
        }
    }

    /** The large share as a fraction of the format's customers (0.2 for 20 %). */
    public BigDecimal largeFraction() {
        return large.movePointLeft(2);
    }

    public BigDecimal smallFraction() {
        return small.movePointLeft(2);
    }
}
