package com.tobacco.retailcrm.calendar.web;

import com.tobacco.retailcrm.calendar.domain.CalendarYearView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A year laid out as twelve month grids of weeks starting on Monday, each day with its kind for colouring. */
record YearGrid(int year, List<Month> months, int holidayCount, int workdayCount, int workingDays) {

    /**
     * How a day looks: an ordinary working day, a weekend, a holiday (节假日) or a make-up working day (调休上班); and,
     * greyed, the notice's days that change nothing: a holiday on a weekend, a listed working day that is a weekday.
     */
    enum Kind { WORKING, WEEKEND, HOLIDAY, WORKDAY, HOLIDAY_WEEKEND, WORKDAY_WEEKDAY }

    record Day(LocalDate date, Kind kind, String name, boolean today) {
    }

    /** A month's weeks; {@code null} pads the days of other months. */
    record Month(int month, List<List<Day>> weeks) {
    }

    static YearGrid of(CalendarYearView view, LocalDate today) {
        Set<LocalDate> holidays = new HashSet<>(view.holidays());
        Set<LocalDate> workdays = new HashSet<>(view.workdays());
        Map<LocalDate, String> names = view.names();
        List<Month> months = new ArrayList<>();
        int working = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(view.year(), m);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(null);
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                Kind kind = kind(date, holidays, workdays);
                working += kind == Kind.WORKING || kind == Kind.WORKDAY || kind == Kind.WORKDAY_WEEKDAY ? 1 : 0;
                week.add(new Day(date, kind, names.get(date), date.equals(today)));
                if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return new YearGrid(view.year(), months, count(months, Kind.HOLIDAY), count(months, Kind.WORKDAY), working);
    }

    private static Kind kind(LocalDate date, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        if (holidays.contains(date)) {
            return weekend ? Kind.HOLIDAY_WEEKEND : Kind.HOLIDAY;
        }
        if (workdays.contains(date)) {
            return weekend ? Kind.WORKDAY : Kind.WORKDAY_WEEKDAY;
        }
        return weekend ? Kind.WEEKEND : Kind.WORKING;
    }

    private static int count(List<Month> months, Kind kind) {
        return (int) months.stream().flatMap(m -> m.weeks().stream()).flatMap(List::stream)
                .filter(d -> d != null && d.kind() == kind).count();
    }
}
