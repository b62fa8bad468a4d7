package com.tobacco.retailcrm.complaint.domain;

/**
 * The longest text each complaint field takes: the intake and the actions refuse longer input by these, and the
 * columns of V80__complaints.sql are as wide (ComplaintFieldLimitsTest compares them), so nothing is cut on saving.
 */
public final class ComplaintLimits {

    public static final int CUSTOMER_CODE = 20;
    public static final int CONTACT_NAME = 100;
    /** What people type; the column is wider because the phone is stored sealed. */
    public static final int CONTACT_PHONE = 20;
    public static final int DESCRIPTION = 4000;
    public static final int USERNAME = 64;
    public static final int RESPONSE = 2000;
    public static final int PAUSE_REASON = 500;
    public static final int REPLY = 4000;
    public static final int CAUSE = 100;
    public static final int CALLBACK_NOTE = 2000;

    private ComplaintLimits() {
    }
}
