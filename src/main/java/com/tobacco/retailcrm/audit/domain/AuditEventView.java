package com.tobacco.retailcrm.audit.domain;

import java.time.OffsetDateTime;

/** An audit event as the audit administrator reads it. */
public record AuditEventView(long id, OffsetDateTime occurredAt, String actor, String sourceIp, String action,
                             String targetType, String targetId, String customerCode, String outcome, String detail) {
}
