package com.tobacco.retailcrm.audit.domain;

import java.time.OffsetDateTime;

/** Filters of the audit log; every one optional. */
public record AuditEventQuery(OffsetDateTime from, OffsetDateTime to, String actor, String action, String customerCode) {
}
