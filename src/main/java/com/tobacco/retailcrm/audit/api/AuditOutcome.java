package com.tobacco.retailcrm.audit.api;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
