package com.tobacco.retailcrm.audit.domain;

import java.time.Instant;

/** Filters of the audit log; every one optional; {@code to} is exclusive. */
public record AuditEventQuery(Instant from, Instant to, String actor, String action, String customerCode) {
}
