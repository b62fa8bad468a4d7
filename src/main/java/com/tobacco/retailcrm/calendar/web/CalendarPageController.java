package com.tobacco.retailcrm.calendar.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.calendar.domain.CalendarService;
import com.tobacco.retailcrm.calendar.domain.CalendarYearRules;
import com.tobacco.retailcrm.calendar.domain.CalendarYearView;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 工作日历 page: a year of month grids, click-to-toggle for the editors, and a due-time calculator. */
@Controller
class CalendarPageController {

    /**
     * Everyone who works with time limits, and the system administrator who maintains the calendar; not the
     * security and audit administrators, whose duties are theirs alone (三权分立).
     */
    static final java.util.Set<String> VIEWERS = Roles.names(Role.CUSTOMER_MANAGER, Role.MARKET_MANAGER,
            Role.COUNTY_HEAD, Role.MARKET_DEPT, Role.DISTRIBUTION_DEPT, Role.SALES_DEPT, Role.MONOPOLY_OFFICER,
            Role.SERVICE_AGENT, Role.LEADER, Role.SYSTEM_ADMIN);

    private static final Set<Role> EDITORS = Set.of(Role.MARKET_DEPT, Role.SYSTEM_ADMIN);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CalendarService calendar;
    private final Messages messages;
    private final Clock clock;

    CalendarPageController(CalendarService calendar, Messages messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    @PreAuthorize("isAuthenticated() and !hasAnyRole('SECURITY_ADMIN', 'AUDIT_ADMIN')")
    String page(@RequestParam(required = false) String year, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        int shown = year == null || year.isBlank() ? today.getYear() : parseYear(year);
        fill(model, calendar.year(shown, messages::text), today);
        model.addAttribute("periods", calendar.snapshot().periods());
        model.addAttribute("dayMinutes", calendar.snapshot().workingDayMinutes().stripTrailingZeros().toPlainString());
        model.addAttribute("calcStart", LocalDateTime.now(clock.withZone(calendar.zone())).withSecond(0).withNano(0));
        return "calendar/calendar";
    }

    /** The htmx click on a day: flips it and answers the year's grid again. */
    @PostMapping("/calendar/days/{date}/toggle")
    @PreAuthorize("hasAnyRole('MARKET_DEPT', 'SYSTEM_ADMIN')")
    String toggle(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        CalendarYearView view = calendar.toggle(date, messages::text);
        fill(model, view, LocalDate.now(clock.withZone(calendar.zone())));
        return "calendar/calendar :: year";
    }

    /** The calculator: a local date-time of the company's zone, an amount and a unit, answered as a fragment. */
    @GetMapping("/calendar/due")
    @PreAuthorize("isAuthenticated() and !hasAnyRole('SECURITY_ADMIN', 'AUDIT_ADMIN')")
    String due(@RequestParam(required = false) String start, @RequestParam(required = false) String amount,
               @RequestParam(required = false) String unit, Model model) {
        try {
            DueQuery q = DueQuery.parse(withOffset(start), amount, unit, calendar.zone(), messages::text);
            var due = calendar.due(q.start(), q.amount(), q.unit()).atZone(calendar.zone());
            model.addAttribute("due", SHOWN.format(due));
            model.addAttribute("dueWeekday", due.getDayOfWeek().getValue());
            model.addAttribute("dueIso", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due.toOffsetDateTime()));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
        }
        return "calendar/calendar :: dueResult";
    }

    private int parseYear(String year) {
        try {
            return Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", messages.text("calendar.error.year",
                    CalendarYearRules.FIRST_YEAR, CalendarYearRules.LAST_YEAR));
        }
    }

    private String withOffset(String local) {
        if (local == null || local.isBlank()) {
            return local;
        }
        try {
            return LocalDateTime.parse(local.trim()).atZone(calendar.zone()).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;  // not a local date-time: DueQuery names the field
        }
    }

    private void fill(Model model, CalendarYearView view, LocalDate today) {
        boolean editor = CurrentUsers.current().map(u -> u.roles().stream().anyMatch(EDITORS::contains)).orElse(false);
        model.addAttribute("view", view);
        model.addAttribute("updatedAt", view.updatedAt() == null ? null
                : SHOWN.format(view.updatedAt().atZone(calendar.zone())));
        model.addAttribute("grid", YearGrid.of(view, today));
        model.addAttribute("editable", editor);
        model.addAttribute("firstYear", CalendarYearRules.FIRST_YEAR);
        model.addAttribute("lastYear", CalendarYearRules.LAST_YEAR);
    }
}
