package com.tobacco.retailcrm.rating.violation;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 违规记录 — one violation of a retailer: when, how serious, what, and whether (and when) it was corrected (整改).
 *
 * @param countyId        the customer's county org unit when recorded (for data-scope filters)
 * @param customerManager the customer's manager when recorded (for data-scope filters)
 */
public record Violation(long id, String customerCode, Long countyId, String customerManager, LocalDate occurredOn,
                        ViolationType type, String description, boolean corrected, LocalDate correctedOn,
                        String recordedBy, Instant recordedAt, long version) {

    /**
     * A violation is recorded for a day that has happened; correcting it takes a day not before it happened and not
     * in the future. The field names are those of the request so the 400 points at them.
     */
    static void checkDates(LocalDate occurredOn, LocalDate correctedOn, LocalDate today) {
        if (occurredOn.isAfter(today)) {
            throw new InvalidInputException("occurredOn", "{rating.violation.error.future}");
        }
        if (correctedOn != null && (correctedOn.isBefore(occurredOn) || correctedOn.isAfter(today))) {
            throw new InvalidInputException("correctedOn", "{rating.violation.error.correctedOn}");
        }
    }

    /** A correction is recorded once: a second one would rewrite when the retailer corrected it. */
    Violation correct(LocalDate on, LocalDate today) {
        if (corrected) {
            throw new BusinessRuleException("rating.violation.error.alreadyCorrected", id);
        }
        checkDates(occurredOn, on, today);
        return new Violation(id, customerCode, countyId, customerManager, occurredOn, type, description, true, on,
                recordedBy, recordedAt, version);
    }
}
