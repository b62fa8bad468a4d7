package com.tobacco.retailcrm.audit.api;

/**
 * Writes audit events. Joins the caller's transaction, so an audited change and its record commit or roll back
 * together; outside a transaction (a refused login) the record commits on its own.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Records several events at once, as {@link #record} each (a bulk change's events in one round trip). */
    default void recordAll(java.util.List<AuditEntry> entries) {
        entries.forEach(this::record);
    }
}
