package com.tobacco.retailcrm.customer.reminder;

import java.time.LocalDate;

/**
 * One reminder for a customer: what, by when, how many days are left (negative once past), and whether it is
 * overdue. For an incomplete new customer {@code detail} says how complete the archive is.
 */
public record Reminder(ReminderKind kind, String customerCode, String storeName, String customerManager,
                       String countyCode, LocalDate dueDate, long daysLeft, boolean overdue, String detail) {
}
