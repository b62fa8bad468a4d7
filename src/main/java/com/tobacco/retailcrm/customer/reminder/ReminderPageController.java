package com.tobacco.retailcrm.customer.reminder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 到期提醒 page: the caller's reminders grouped by customer manager, overdue ones first within each. */
@Controller
class ReminderPageController {

    private final CustomerReminders reminders;

    ReminderPageController(CustomerReminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/customers/reminders")
    @PreAuthorize(ReminderController.ROLES)
    String page(@RequestParam(required = false) Integer days, @RequestParam(required = false) String customerManager,
                Model model) {
        int ahead = days == null ? CustomerReminders.DEFAULT_DAYS : days;
        List<Reminder> all = reminders.forCurrentUser(ahead,
                customerManager == null || customerManager.isBlank() ? null : customerManager.strip());
        Map<String, List<Reminder>> byManager = new LinkedHashMap<>();
        all.stream().sorted(java.util.Comparator.comparing((Reminder r) -> r.customerManager() == null ? "" : r.customerManager())
                        .thenComparing(r -> !r.overdue()).thenComparing(Reminder::dueDate))
                .forEach(r -> byManager.computeIfAbsent(r.customerManager() == null ? "" : r.customerManager(),
                        k -> new java.util.ArrayList<>()).add(r));
        model.addAttribute("groups", byManager);
        model.addAttribute("days", ahead);
        model.addAttribute("total", all.size());
        model.addAttribute("overdue", all.stream().filter(Reminder::overdue).count());
        return "customer/reminders";
    }
}
