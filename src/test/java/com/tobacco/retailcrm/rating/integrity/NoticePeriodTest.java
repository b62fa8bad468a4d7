package com.tobacco.retailcrm.rating.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.calendar.domain.CalendarSnapshot;
import com.tobacco.retailcrm.calendar.domain.DayKind;
import com.tobacco.retailcrm.calendar.domain.WorkingPeriod;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The notice of {@link NoticePeriod}: it ends at midnight after the 7th working day following the start's day, on the
 * working calendar's own arithmetic (a real {@link CalendarSnapshot}) with the 国庆 2026 arrangement: 1–7 October
 * off, Sunday 20 September and Saturday 10 October worked (调休).
 */
class NoticePeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = calendar();

    private static WorkingCalendar calendar() {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 9, 20), DayKind.WORKDAY);
        days.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
        CalendarSnapshot snapshot = new CalendarSnapshot(SHANGHAI,
                List.of(WorkingPeriod.parse("09:00-12:00"), WorkingPeriod.parse("13:00-17:00")), days);
        return new WorkingCalendar() {
            @Override
            public Instant due(Instant start, BigDecimal amount, WorkTimeUnit unit) {
                return snapshot.due(start, amount, unit);
            }

            @Override
            public boolean isWorkingDay(LocalDate date) {
                return snapshot.isWorkingDay(date);
            }

            @Override
            public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
                return snapshot.workingDaysBetween(from, toExclusive);
            }

            @Override
            public LocalDate addWorkingDays(LocalDate date, int days) {
                return snapshot.addWorkingDays(date, days);
            }

            @Override
            public ZoneId zone() {
                return SHANGHAI;
            }
        };
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @Test
    void noticeAcrossTheNationalDayHolidaySkipsItAndCountsTheMakeUpSaturday() {
        // Wed 30 Sep: 8 Thu, 9 Fri, 10 Sat (调休), 12 Mon, 13, 14, 15 Oct are the seven working days
        Instant start = at("2026-09-30T10:00:00+08:00");
        NoticePeriod notice = NoticePeriod.starting(start, at("2026-10-02T12:00:00+08:00"), CALENDAR);
        assertThat(notice.endsAt()).isEqualTo(at("2026-10-16T00:00:00+08:00"));
        assertThat(notice.runningAt(at("2026-10-15T23:59:59+08:00"))).isTrue();
        assertThat(notice.runningAt(at("2026-10-16T00:00:00+08:00"))).isFalse();
    }

    @Test
    void noticeStartingOnTheMakeUpSundayCountsFromTheNextWorkingDay() {
        // Sun 20 Sep is worked, but the start's own day never counts: 21, 22, 23, 24, 25, 28, 29 Sep
        NoticePeriod notice = NoticePeriod.starting(at("2026-09-20T16:00:00+08:00"), at("2026-09-21T08:00:00+08:00"),
                CALENDAR);
        assertThat(notice.endsAt()).isEqualTo(at("2026-09-30T00:00:00+08:00"));
    }

    @Test
    void noticeStartingLateInTheEveningStillHoldsSevenFullWorkingDays() {
        // a Friday 23:30 start: Mon 9 – Fri 13, Mon 16, Tue 17 Nov
        NoticePeriod notice = NoticePeriod.starting(at("2026-11-06T23:30:00+08:00"), at("2026-11-07T00:00:00+08:00"),
                CALENDAR);
        assertThat(notice.endsAt()).isEqualTo(at("2026-11-18T00:00:00+08:00"));
    }

    @Test
    void noticeStartMayNotLieInTheFutureNorMoreThanThirtyDaysBack() {
        Instant now = at("2026-11-23T10:00:00+08:00");
        assertThatThrownBy(() -> NoticePeriod.starting(now.plusSeconds(1), now, CALENDAR))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NoticePeriod.starting(now.minus(Duration.ofDays(30)).minusSeconds(1), now, CALENDAR))
                .isInstanceOf(InvalidInputException.class);
        assertThat(NoticePeriod.starting(now.minus(Duration.ofDays(30)), now, CALENDAR).start())
                .isEqualTo(now.minus(Duration.ofDays(30)));
        assertThat(NoticePeriod.starting(now, now, CALENDAR).start()).isEqualTo(now);
    }
}
