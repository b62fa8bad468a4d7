package com.tobacco.retailcrm.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: the arithmetic due time equals a brute-force model that walks minute by minute, counting a minute when
 * its day is a working day and it lies in a working period, for random starts (nights, lunch, weekends, holidays,
 * make-up days, period ends) and random amounts. A seeded Random keeps failures reproducible (the case is printed).
 */
class DueTimeMatchesBruteForceTest {

    private static final long SEED = 20261123L;
    private static final int CASES = 4_000;

    private final Map<LocalDate, DayKind> listed = CalendarFixtures.statutory(2025, 2026);
    private final CalendarSnapshot calendar =
            new CalendarSnapshot(CalendarFixtures.SHANGHAI, CalendarFixtures.DEFAULT_PERIODS, listed);

    @Test
    void arithmeticDueTimeEqualsMinuteByMinuteWalk() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            LocalDateTime start = randomStart(random);
            WorkTimeUnit unit = random.nextBoolean() ? WorkTimeUnit.WORKING_HOUR : WorkTimeUnit.WORKING_DAY;
            BigDecimal amount = randomAmount(random, unit);
            Instant actual = calendar.due(start.atZone(CalendarFixtures.SHANGHAI).toInstant(), amount, unit);
            LocalDateTime expected = bruteForce(start, minutes(amount, unit));
            assertThat(actual).as("case %d: %s + %s %s", i, start, amount, unit)
                    .isEqualTo(expected.atZone(CalendarFixtures.SHANGHAI).toInstant());
        }
    }

    @Test
    void otherWorkingPeriodsAlsoMatchTheWalk() {
        List<WorkingPeriod> periods = List.of(WorkingPeriod.parse("08:30-11:45"), WorkingPeriod.parse("14:00-18:00"),
                WorkingPeriod.parse("19:00-20:30"));
        CalendarSnapshot custom = new CalendarSnapshot(CalendarFixtures.SHANGHAI, periods, listed);
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES / 4; i++) {
            LocalDateTime start = randomStart(random);
            BigDecimal amount = randomAmount(random, WorkTimeUnit.WORKING_HOUR);
            Instant actual = custom.due(start.atZone(CalendarFixtures.SHANGHAI).toInstant(), amount,
                    WorkTimeUnit.WORKING_HOUR);
            LocalDateTime expected = walk(start, minutes(amount, WorkTimeUnit.WORKING_HOUR), periods);
            assertThat(actual).as("case %d: %s + %s h", i, start, amount)
                    .isEqualTo(expected.atZone(CalendarFixtures.SHANGHAI).toInstant());
        }
    }

    /** Starts biased to the interesting places: period edges, lunch, nights, and the holiday seasons of 2025–26. */
    private static LocalDateTime randomStart(Random random) {
        LocalDate day = switch (random.nextInt(4)) {
            case 0 -> LocalDate.of(2026, 9, 15).plusDays(random.nextInt(30));  // make-up Sunday, National Day
            case 1 -> LocalDate.of(2026, 2, 5).plusDays(random.nextInt(30));   // Spring Festival, two make-up Saturdays
            default -> LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700));
        };
        LocalTime time = random.nextInt(3) == 0
                ? List.of(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0),
                        LocalTime.of(11, 59), LocalTime.of(0, 0), LocalTime.of(23, 59)).get(random.nextInt(7))
                : LocalTime.of(random.nextInt(24), random.nextInt(60));
        return LocalDateTime.of(day, time);
    }

    /** Whole and fractional amounts, including ones that end exactly on a period's end. */
    private static BigDecimal randomAmount(Random random, WorkTimeUnit unit) {
        return switch (random.nextInt(3)) {
            case 0 -> BigDecimal.valueOf(1 + random.nextInt(unit == WorkTimeUnit.WORKING_DAY ? 6 : 30));
            case 1 -> BigDecimal.valueOf(1 + random.nextInt(unit == WorkTimeUnit.WORKING_DAY ? 12 : 60), 1);
            default -> BigDecimal.valueOf(1 + random.nextInt(unit == WorkTimeUnit.WORKING_DAY ? 500 : 3000), 2);
        };
    }

    /**
     * The rule written independently of the implementation: a working day is the default periods' 7 hours, and a
     * fraction of a minute counts as a whole minute.
     */
    private static long minutes(BigDecimal amount, WorkTimeUnit unit) {
        BigDecimal perUnit = BigDecimal.valueOf(unit == WorkTimeUnit.WORKING_DAY ? 7 * 60 : 60);
        return amount.multiply(perUnit).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private LocalDateTime bruteForce(LocalDateTime start, long minutes) {
        return walk(start, minutes, CalendarFixtures.DEFAULT_PERIODS);
    }

    private LocalDateTime walk(LocalDateTime start, long minutes, List<WorkingPeriod> periods) {
        LocalDateTime t = start;
        long left = minutes;
        while (left > 0) {
            if (workingMinute(t, periods)) {
                left--;
            }
            t = t.plusMinutes(1);
        }
        return t;
    }

    private boolean workingMinute(LocalDateTime t, List<WorkingPeriod> periods) {
        DayKind kind = listed.get(t.toLocalDate());
        DayOfWeek dow = t.getDayOfWeek();
        boolean workingDay = kind == null ? dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY
                : kind == DayKind.WORKDAY;
        LocalTime time = t.toLocalTime();
        return workingDay && periods.stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }
}
