package com.tobacco.retailcrm.customer.reminder;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's customer reminders over the API, within their data scope. */
@RestController
class ReminderController {

    static final String ROLES =
            "hasAnyRole('CUSTOMER_MANAGER','MARKET_MANAGER','COUNTY_HEAD','MARKET_DEPT','MONOPOLY_OFFICER','LEADER')";

    private final CustomerReminders reminders;

    ReminderController(CustomerReminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/api/v1/customers/reminders")
    @PreAuthorize(ROLES)
    List<Reminder> reminders(@RequestParam(required = false) Integer days,
                             @RequestParam(required = false) String customerManager) {
        return reminders.forCurrentUser(days, customerManager == null || customerManager.isBlank() ? null
                : customerManager.strip());
    }
}
