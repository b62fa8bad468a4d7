package com.tobacco.retailcrm.calendar.domain;

import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;

/**
 * The working calendar loaded into memory (工作日历快照): which days are working days and when a day's working
 * periods are. Immutable and free of I/O, so due times are pure arithmetic: a table of working days over the
 * supported years with a running count lets a limit skip whole days in O(1) instead of walking minute by minute.
 *
 * <p>Rounding: a limit is counted in whole minutes, a fraction of a minute rounding up (a limit is never shortened);
 * the start counts from its whole second.
 */
public final class CalendarSnapshot {

    /** First and last year the day table covers; the API accepts a narrower range so results always fit. */
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2199;

    private static final int SECONDS_PER_DAY = 86_400;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final ZoneOffset fixedOffset;
    private final List<WorkingPeriod> periods;
    private final int[] periodStarts;
    private final int[] periodEnds;
    private final int daySeconds;
    private final BigDecimal dayMinutes;
    private final long baseDay;
    private final boolean[] working;
    /** {@code workingBefore[i]} = working days among the first {@code i} days of the table. */
    private final int[] workingBefore;
    /** Table indexes of the working days, in order: the n-th working day is a single array read. */
    private final int[] workingDays;

    public CalendarSnapshot(ZoneId zone, List<WorkingPeriod> periods, Map<LocalDate, DayKind> listedDays) {
        this(zone, periods, listedDays, null);
    }

    /**
     * @param workingDayMinutes how many working minutes one working day stands for; {@code null} for the length of
     *                          the working periods (a working day from 10:00 is due at 10:00 on the next working day)
     */
    public CalendarSnapshot(ZoneId zone, List<WorkingPeriod> periods, Map<LocalDate, DayKind> listedDays,
                            Integer workingDayMinutes) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        this.periods = WorkingPeriod.ordered(periods);
        this.periodStarts = this.periods.stream().mapToInt(WorkingPeriod::startSecond).toArray();
        this.periodEnds = this.periods.stream().mapToInt(WorkingPeriod::endSecond).toArray();
        int total = 0;
        for (int i = 0; i < periodStarts.length; i++) {
            total += periodEnds[i] - periodStarts[i];
        }
        this.daySeconds = total;
        if (workingDayMinutes != null && workingDayMinutes <= 0) {
            throw new IllegalArgumentException("A working day must last some minutes: " + workingDayMinutes);
        }
        this.dayMinutes = workingDayMinutes != null ? BigDecimal.valueOf(workingDayMinutes)
                : BigDecimal.valueOf(total).divide(SIXTY, 6, RoundingMode.HALF_UP);
        this.baseDay = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
        int days = (int) (LocalDate.of(LAST_YEAR, 12, 31).toEpochDay() - baseDay + 1);
        this.working = new boolean[days];
        this.workingBefore = new int[days + 1];
        int count = 0;
        for (int i = 0; i < days; i++) {
            LocalDate date = LocalDate.ofEpochDay(baseDay + i);
            DayKind listed = listedDays.get(date);
            working[i] = listed == null ? isWeekday(date) : listed == DayKind.WORKDAY;
            workingBefore[i] = count;
            count += working[i] ? 1 : 0;
        }
        workingBefore[days] = count;
        this.workingDays = new int[count];
        for (int i = 0, n = 0; i < days; i++) {
            if (working[i]) {
                workingDays[n++] = i;
            }
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingPeriod> periods() {
        return periods;
    }

    /** Minutes of working time one working day stands for (420 for 09:00–12:00 and 13:00–17:00 by default). */
    public BigDecimal workingDayMinutes() {
        return dayMinutes;
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    public boolean isWorkingDay(LocalDate date) {
        return working[index(date)];
    }

    public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        return workingBefore[index(toExclusive)] - workingBefore[index(from)];
    }

    public LocalDate addWorkingDays(LocalDate date, int days) {
        int i = index(date);
        if (days == 0) {
            return date;
        }
        long rank = days > 0 ? (long) workingBefore[i + 1] + days - 1 : (long) workingBefore[i] + days;
        return LocalDate.ofEpochDay(baseDay + workingDayAt(rank));
    }

    /** The due time of a limit; see the class comment for rounding. */
    public Instant due(Instant start, BigDecimal amount, WorkTimeUnit unit) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("The amount must be positive: " + amount);
        }
        BigDecimal perUnit = unit == WorkTimeUnit.WORKING_DAY ? dayMinutes : SIXTY;
        long minutes = amount.multiply(perUnit).setScale(0, RoundingMode.CEILING).longValueExact();
        Instant from = Instant.ofEpochSecond(start.getEpochSecond());
        return unit == WorkTimeUnit.HOUR ? from.plusSeconds(minutes * 60) : addWorkingSeconds(from, minutes * 60);
    }

    private Instant addWorkingSeconds(Instant start, long seconds) {
        long local = start.getEpochSecond() + offsetAt(start).getTotalSeconds();
        int day = tableIndex(Math.floorDiv(local, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        // Position within the start day's working time; a non-working day has none left, as does a late start.
        long done = working[day] ? workedBefore(secondOfDay) : daySeconds;
        long left = daySeconds - done;
        int dueDay;
        long dueWithinDay;
        if (seconds <= left) {
            dueDay = day;
            dueWithinDay = done + seconds;
        } else {
            long beyond = seconds - left;
            long wholeDays = (beyond + daySeconds - 1) / daySeconds;
            dueWithinDay = beyond - (wholeDays - 1) * daySeconds;
            dueDay = workingDayAt(workingBefore[day + 1] + wholeDays - 1);
        }
        long dueLocal = (baseDay + dueDay) * SECONDS_PER_DAY + secondAt(dueWithinDay);
        return toInstant(dueLocal);
    }

    /** Working seconds of a working day before the given second of the day. */
    private long workedBefore(int secondOfDay) {
        long sum = 0;
        for (int i = 0; i < periodStarts.length; i++) {
            sum += Math.max(0, Math.min(secondOfDay, periodEnds[i]) - periodStarts[i]);
        }
        return sum;
    }

    /**
     * The second of the day at which {@code worked} (in (0, daySeconds]) working seconds are complete; ties go to
     * the earlier period, so a limit running out at 12:00 is due at 12:00 and not at 13:00.
     */
    private int secondAt(long worked) {
        long before = 0;
        for (int i = 0; i < periodStarts.length; i++) {
            int length = periodEnds[i] - periodStarts[i];
            if (worked <= before + length) {
                return (int) (periodStarts[i] + (worked - before));
            }
            before += length;
        }
        throw new IllegalStateException("worked time beyond a day: " + worked);
    }

    private ZoneOffset offsetAt(Instant instant) {
        return fixedOffset != null ? fixedOffset : rules.getOffset(instant);
    }

    private Instant toInstant(long localEpochSecond) {
        if (fixedOffset != null) {
            return Instant.ofEpochSecond(localEpochSecond - fixedOffset.getTotalSeconds());
        }
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
        return ldt.atZone(zone).toInstant();
    }

    private int workingDayAt(long rank) {
        if (rank < 0 || rank >= workingDays.length) {
            throw new IllegalArgumentException("The result lies outside the years " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        return workingDays[(int) rank];
    }

    private int index(LocalDate date) {
        return tableIndex(date.toEpochDay());
    }

    private int tableIndex(long epochDay) {
        long i = epochDay - baseDay;
        if (i < 0 || i >= working.length) {
            throw new IllegalArgumentException("Dates are supported from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return (int) i;
    }
}
