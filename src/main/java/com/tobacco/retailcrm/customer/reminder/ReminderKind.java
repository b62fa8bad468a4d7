package com.tobacco.retailcrm.customer.reminder;

/** What a reminder is about. */
public enum ReminderKind {
    /** 许可证到期: the licence expires (licenceExpiryDate). */
    LICENCE_EXPIRY,
    /** 年审: the annual review is due (annualReviewDate). */
    ANNUAL_REVIEW,
    /** 新增户未完善: a new customer's archive is not complete within 5 working days of onboarding. */
    INCOMPLETE_NEW_CUSTOMER
}
