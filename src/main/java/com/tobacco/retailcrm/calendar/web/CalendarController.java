package com.tobacco.retailcrm.calendar.web;

import com.tobacco.retailcrm.calendar.domain.CalendarService;
import com.tobacco.retailcrm.calendar.domain.CalendarYearView;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 工作日历 API: a year's holidays and make-up days, and due times on the calendar. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

    private final CalendarService calendar;
    private final Messages messages;

    CalendarController(CalendarService calendar, Messages messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/due")
    @PreAuthorize("isAuthenticated() and !hasAnyRole('SECURITY_ADMIN', 'AUDIT_ADMIN')")
    Map<String, String> due(@RequestParam(required = false) String start,
                            @RequestParam(required = false) String amount,
                            @RequestParam(required = false) String unit) {
        DueQuery q = DueQuery.parse(start, amount, unit, calendar.zone(), messages::text);
        var due = calendar.due(q.start(), q.amount(), q.unit()).atZone(calendar.zone()).toOffsetDateTime();
        return Map.of("due", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due));
    }

    @GetMapping("/{year}")
    @PreAuthorize("isAuthenticated() and !hasAnyRole('SECURITY_ADMIN', 'AUDIT_ADMIN')")
    CalendarYearView year(@PathVariable int year) {
        return calendar.year(year, messages::text);
    }

    /**
     * 导入官方放假安排: the year's official list as the open holiday data sets publish it (JSON) or as the calendar page
     * downloads it (CSV), sent as the request body.
     */
    @PostMapping(path = "/{year}/import", consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasAnyRole('MARKET_DEPT', 'SYSTEM_ADMIN')")
    CalendarYearView importYear(@PathVariable int year, @RequestBody(required = false) byte[] file) {
        return calendar.importYear(year, file, messages::text);
    }

    @PutMapping("/{year}")
    @PreAuthorize("hasAnyRole('MARKET_DEPT', 'SYSTEM_ADMIN')")
    CalendarYearView replace(@PathVariable int year, @RequestBody CalendarYearCommand command) {
        return calendar.replace(year, command.holidays(), command.workdays(), messages::text);
    }
}
