package com.tobacco.retailcrm.audit.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of the audit log; every one optional; {@code to} is exclusive. {@code actors}: any of these usernames;
 * {@code object}: the event's object id or its customer code.
 */
public record AuditEventQuery(Instant from, Instant to, Set<String> actors, String action, String customerCode,
                              String object) {

    public AuditEventQuery(Instant from, Instant to, String actor, String action, String customerCode) {
        this(from, to, actor == null || actor.isBlank() ? null : Set.of(actor.trim()), action, customerCode, null);
    }
}
