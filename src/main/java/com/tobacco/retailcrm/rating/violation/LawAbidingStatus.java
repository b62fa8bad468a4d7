package com.tobacco.retailcrm.rating.violation;

import java.time.LocalDate;
import java.util.Collection;

/**
 * 守法情况 — the archive's SYSTEM field {@code lawAbidingStatus}, codes as in customer-fields.csv: GOOD 守法, MINOR
 * 轻微违规, SERIOUS 严重违规.
 *
 * <p>The rule ({@link #of}): only violations that occurred within the last 12 months count, i.e. on a day after
 * {@code today} minus 12 months (a violation of 2025-11-23 counts until 2026-11-22 and no longer on 2026-11-23).
 * Of those:
 * <ul>
 *   <li>SERIOUS when any is serious, or when {@value #REPEATED} or more are minor (repeated violations are as serious
 *       as a serious one — docs/domain/rating.md, grade D "serious or repeated violations");</li>
 *   <li>MINOR when one or two are minor;</li>
 *   <li>GOOD otherwise.</li>
 * </ul>
 * Correcting a violation does not remove it from the 12 months: the correction counts for cooperation (合作度)
 * in the evaluation, the record of the violation stays.
 */
public enum LawAbidingStatus {
    GOOD, MINOR, SERIOUS;

    /** Minor violations within 12 months that count as a serious record. */
    public static final int REPEATED = 3;

    /** A violation as the rule needs it. */
    public record Fact(LocalDate occurredOn, ViolationType type) {
    }

    public static LawAbidingStatus of(Collection<Fact> violations, LocalDate today) {
        LocalDate windowStart = today.minusMonths(12);
        int minor = 0;
        for (Fact v : violations) {
            if (!v.occurredOn().isAfter(windowStart) || v.occurredOn().isAfter(today)) {
                continue;
            }
            if (v.type() == ViolationType.SERIOUS) {
                return SERIOUS;
            }
            minor++;
        }
        return minor >= REPEATED ? SERIOUS : minor > 0 ? MINOR : GOOD;
    }

    /** The first day a violation no longer counts. */
    public static LocalDate expiresOn(LocalDate occurredOn) {
        return occurredOn.plusMonths(12);
    }
}
