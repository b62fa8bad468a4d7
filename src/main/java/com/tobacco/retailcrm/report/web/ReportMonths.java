package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** The month a report asks for: {@code YYYY-MM}, by default the last complete month in the company's zone. */
@Component
class ReportMonths {

    private final Clock clock;
    private final CrmProperties crm;

    ReportMonths(Clock clock, CrmProperties crm) {
        this.clock = clock;
        this.crm = crm;
    }

    /** The month named, or the last complete one when none is; anything else → 400 naming {@code month}. */
    YearMonth parse(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(clock.instant().atZone(crm.zone())).minusMonths(1);
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "{report.error.month}");
        }
    }
}
