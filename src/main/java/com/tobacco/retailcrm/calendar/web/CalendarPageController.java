package com.tobacco.retailcrm.calendar.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.calendar.domain.CalendarService;
import com.tobacco.retailcrm.calendar.domain.CalendarYearRules;
import com.tobacco.retailcrm.calendar.domain.CalendarYearView;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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

    /** The page's import of a year's official list (the open data sets' JSON or this page's CSV). */
    @PostMapping("/calendar/import")
    @PreAuthorize("hasAnyRole('MARKET_DEPT', 'SYSTEM_ADMIN')")
    String importYear(@RequestParam(required = false) String year,
                      @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        int target = year == null || year.isBlank() ? LocalDate.now(clock.withZone(calendar.zone())).getYear()
                : parseYear(year);
        try {
            CalendarYearView view = calendar.importYear(target, file == null ? null : file.getBytes(), messages::text);
            redirect.addFlashAttribute("flashSuccess", messages.text("calendar.import.done", target,
                    view.holidays().size(), view.workdays().size()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text("calendar.import.failed",
                    e.problems().stream().limit(5).map(p -> p.message()).collect(Collectors.joining("；"))));
        }
        return "redirect:/calendar?year=" + target;
    }

    /** The year as the CSV the import reads back: 日期,类型,名称. */
    @GetMapping(path = "/calendar/{year}.csv", produces = "text/csv")
    @PreAuthorize("isAuthenticated() and !hasAnyRole('SECURITY_ADMIN', 'AUDIT_ADMIN')")
    ResponseEntity<String> csv(@PathVariable int year) {
        CalendarYearView view = calendar.year(year, messages::text);
        String body = CalendarCsv.of(view);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("calendar-" + year + ".csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
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
