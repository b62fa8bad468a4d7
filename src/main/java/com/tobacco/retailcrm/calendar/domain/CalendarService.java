package com.tobacco.retailcrm.calendar.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.calendar.api.WorkTimeUnit;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The working calendar in force: loads the stored years into a {@link CalendarSnapshot} once and again after every
 * edit, so due times never touch the database; keeps and seeds the years.
 */
@Service
public class CalendarService implements WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    private final CalendarRepository repository;
    private final CalendarProperties properties;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private volatile CalendarSnapshot snapshot;
    private volatile String loadedVersion;

    CalendarService(CalendarRepository repository, CalendarProperties properties, TransactionTemplate tx,
                    AuditLog audit, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** The loaded calendar; loaded on first use. */
    public CalendarSnapshot snapshot() {
        CalendarSnapshot current = snapshot;
        return current != null ? current : reload();
    }

    /** Reads every stored year again (after an edit, or when another instance may have changed them). */
    public synchronized CalendarSnapshot reload() {
        loadedVersion = repository.version();
        snapshot = new CalendarSnapshot(properties.zone(), properties.workingPeriods(), repository.allDays(),
                properties.workingDayMinutes());
        return snapshot;
    }

    /** Picks up edits made through another instance of the application within a minute. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void reloadIfChangedElsewhere() {
        if (snapshot != null && !repository.version().equals(loadedVersion)) {
            reload();
        }
    }

    @Override
    public Instant due(Instant start, BigDecimal amount, WorkTimeUnit unit) {
        return snapshot().due(start, amount, unit);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return snapshot().isWorkingDay(date);
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        return snapshot().workingDaysBetween(from, toExclusive);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate date, int days) {
        return snapshot().addWorkingDays(date, days);
    }

    @Override
    public ZoneId zone() {
        return properties.zone();
    }

    public CalendarYearView year(int year, CalendarYearRules.Texts texts) {
        CalendarYearRules.checkYear(year, texts);
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> workdays = new ArrayList<>();
        Map<LocalDate, String> names = new LinkedHashMap<>();
        for (CalendarRepository.DayRow d : repository.days(year)) {
            (d.kind() == DayKind.HOLIDAY ? holidays : workdays).add(d.day());
            if (d.name() != null) {
                names.put(d.day(), d.name());
            }
        }
        return repository.year(year)
                .map(y -> new CalendarYearView(year, holidays, workdays, y.source(), y.updatedAt(), y.updatedBy(), names))
                .orElseGet(() -> new CalendarYearView(year, holidays, workdays, "DEFAULT", null, null, names));
    }

    /** Replaces a year's lists with an admin's (the year is then never reseeded) and reloads the calendar. */
    public CalendarYearView replace(int year, List<LocalDate> holidays, List<LocalDate> workdays,
                                    CalendarYearRules.Texts texts) {
        Map<LocalDate, DayKind> days = CalendarYearRules.listedDays(year, holidays, workdays, texts);
        write(year, days, null, "CALENDAR_EDIT");
        return year(year, texts);
    }

    /**
     * Replaces a year with its official list (放假安排, imported from the open data sets' JSON or the page's CSV),
     * names included; like an edit, the year is then never reseeded.
     */
    public CalendarYearView importYear(int year, byte[] file, CalendarYearRules.Texts texts) {
        OfficialYearList list = OfficialYearList.parse(year, file, texts);
        Map<LocalDate, DayKind> days = CalendarYearRules.listedDays(year, list.holidays(), list.workdays(), texts);
        write(year, days, list.names(), "CALENDAR_IMPORT");
        return year(year, texts);
    }

    /** Stores a year's days; {@code names} null keeps the stored names of days whose kind stays. */
    private void write(int year, Map<LocalDate, DayKind> days, Map<LocalDate, String> newNames, String action) {
        String by = CurrentUsers.current().map(CurrentUser::username).orElse(null);
        tx.executeWithoutResult(status -> {
            repository.lockYear(year);
            Map<LocalDate, String> names = new TreeMap<>();
            if (newNames != null) {
                names.putAll(newNames);
            } else {
                repository.days(year).forEach(d -> names.put(d.day(), d.kind() == days.get(d.day()) ? d.name() : null));
            }
            List<CalendarRepository.DayRow> rows = days.entrySet().stream()
                    .map(e -> new CalendarRepository.DayRow(e.getKey(), e.getValue(), names.get(e.getKey())))
                    .toList();
            repository.replace(year, "EDITED", rows, clock.instant(), by);
            audit.record(AuditEntry.of(action, "CALENDAR_YEAR", String.valueOf(year))
                    .detail("holidays=" + count(days, DayKind.HOLIDAY) + ", workdays=" + count(days, DayKind.WORKDAY)));
        });
        reload();
    }

    /**
     * Flips one day between its weekday/weekend default and the listed opposite (a weekday becomes a holiday and
     * back, a weekend day a make-up working day and back); the calendar page's click.
     */
    public CalendarYearView toggle(LocalDate date, CalendarYearRules.Texts texts) {
        CalendarYearView current = year(date.getYear(), texts);
        List<LocalDate> holidays = new ArrayList<>(current.holidays());
        List<LocalDate> workdays = new ArrayList<>(current.workdays());
        boolean listed = holidays.remove(date) | workdays.remove(date);
        if (!listed) {
            (CalendarSnapshot.isWeekday(date) ? holidays : workdays).add(date);
        }
        return replace(date.getYear(), holidays, workdays, texts);
    }

    /**
     * Stores the statutory arrangement of every year the library knows, once: a year already seeded is refreshed
     * only when a newer library changed it, an edited year is never touched. Safe to run on several instances.
     */
    public int seedStatutoryYears() {
        int changed = 0;
        for (int year = CalendarYearRules.FIRST_YEAR; year <= CalendarYearRules.LAST_YEAR; year++) {
            if (StatutoryHolidays.knows(year) && seed(year)) {
                changed++;
            }
        }
        if (changed > 0) {
            log.info("Working calendar: stored the statutory holidays of {} year(s)", changed);
        }
        reload();
        return changed;
    }

    private boolean seed(int year) {
        Map<LocalDate, DayKind> days = StatutoryHolidays.of(year);
        Map<LocalDate, String> names = StatutoryHolidays.names(year);
        Boolean done = tx.execute(status -> {
            repository.lockYear(year);
            var existing = repository.year(year);
            if (existing.isPresent() && !"SEEDED".equals(existing.get().source())) {
                return false;
            }
            List<CalendarRepository.DayRow> rows = days.entrySet().stream()
                    .map(e -> new CalendarRepository.DayRow(e.getKey(), e.getValue(), names.get(e.getKey())))
                    .toList();
            if (existing.isPresent() && repository.days(year).equals(rows)) {
                return false;
            }
            repository.replace(year, "SEEDED", rows, clock.instant(), null);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    private static long count(Map<LocalDate, DayKind> days, DayKind kind) {
        return days.values().stream().filter(k -> k == kind).count();
    }
}
