package com.tobacco.retailcrm.audit.api;

/**
 * One thing worth recording. The actor and source address default to the current request's user and address;
 * {@link #as(String)} names the actor where nobody is signed in yet (a failed login names the username tried).
 */
public record AuditEntry(String action, String targetType, String targetId, String customerCode,
                         AuditOutcome outcome, String detail, String actor) {

    public static AuditEntry of(String action, String targetType, String targetId) {
        return new AuditEntry(action, targetType, targetId, null, AuditOutcome.SUCCESS, null, null);
    }

    public static AuditEntry customer(String action, String customerCode) {
        return new AuditEntry(action, "CUSTOMER", customerCode, customerCode, AuditOutcome.SUCCESS, null, null);
    }

    public AuditEntry detail(String newDetail) {
        return new AuditEntry(action, targetType, targetId, customerCode, outcome, newDetail, actor);
    }

    public AuditEntry outcome(AuditOutcome newOutcome) {
        return new AuditEntry(action, targetType, targetId, customerCode, newOutcome, detail, actor);
    }

    public AuditEntry as(String newActor) {
        return new AuditEntry(action, targetType, targetId, customerCode, outcome, detail, newActor);
    }
}
