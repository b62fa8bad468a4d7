package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a visit may be recorded as made: not in the future, at most 31 days back (so the record is written while it is
 * still remembered), and not before the customer entered the archive.
 */
final class VisitDateRules {

    static final Duration MAX_BACK = Duration.ofDays(31);

    private VisitDateRules() {
    }

    static Optional<FieldProblem> check(Instant visitedAt, Instant now, Instant customerSince, ZoneId zone) {
        if (visitedAt.isAfter(now)) {
            return Optional.of(new FieldProblem("visitedAt", "{visit.error.future}"));
        }
        if (visitedAt.isBefore(now.minus(MAX_BACK))) {
            return Optional.of(new FieldProblem("visitedAt", "{visit.error.tooOld}"));
        }
        LocalDate day = visitedAt.atZone(zone).toLocalDate();
        if (customerSince != null && day.isBefore(customerSince.atZone(zone).toLocalDate())) {
            return Optional.of(new FieldProblem("visitedAt", "{visit.error.beforeCustomer}"));
        }
        return Optional.empty();
    }
}
