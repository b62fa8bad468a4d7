package com.tobacco.retailcrm.service.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class VisitDateRulesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void aVisitInTheFutureIsRefused() {
        assertThat(VisitDateRules.check(NOW.plusSeconds(60), NOW, LONG_AGO, ZONE))
                .contains(new FieldProblem("visitedAt", "{visit.error.future}"));
        assertThat(VisitDateRules.check(NOW, NOW, LONG_AGO, ZONE)).isEmpty();
    }

    @Test
    void aVisitMoreThan31DaysBackIsRefused() {
        assertThat(VisitDateRules.check(NOW.minus(Duration.ofDays(31)), NOW, LONG_AGO, ZONE)).isEmpty();
        assertThat(VisitDateRules.check(NOW.minus(Duration.ofDays(31)).minusSeconds(1), NOW, LONG_AGO, ZONE))
                .contains(new FieldProblem("visitedAt", "{visit.error.tooOld}"));
    }

    @Test
    void aVisitBeforeTheCustomerExistedIsRefused_theSameDayIsFine() {
        Instant created = Instant.parse("2026-11-19T06:00:00Z"); // 14:00 in Shanghai
        assertThat(VisitDateRules.check(Instant.parse("2026-11-19T01:00:00Z"), NOW, created, ZONE)).isEmpty();
        assertThat(VisitDateRules.check(Instant.parse("2026-11-18T15:00:00Z"), NOW, created, ZONE))
                .contains(new FieldProblem("visitedAt", "{visit.error.beforeCustomer}"));
    }
}
