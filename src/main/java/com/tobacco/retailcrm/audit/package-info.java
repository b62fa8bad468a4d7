/**
 * 审计日志 — the append-only audit log: who did what to which record, when, from where and with what outcome.
 * Other modules write through {@link com.tobacco.retailcrm.audit.api.AuditLog}; only AUDIT_ADMIN reads it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package com.tobacco.retailcrm.audit;
