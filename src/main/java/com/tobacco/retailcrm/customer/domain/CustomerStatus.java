package com.tobacco.retailcrm.customer.domain;

import java.util.Map;
import java.util.Set;

/** 客户状态 — PENDING (待入网) → ACTIVE (正常) ↔ SUSPENDED (暂停/歇业) → CANCELLED (注销, read-only). */
public enum CustomerStatus {
    PENDING, ACTIVE, SUSPENDED, CANCELLED;

    private static final Map<CustomerStatus, Set<CustomerStatus>> NEXT = Map.of(
            PENDING, Set.of(ACTIVE),
            ACTIVE, Set.of(SUSPENDED),
            SUSPENDED, Set.of(ACTIVE, CANCELLED),
            CANCELLED, Set.of());

    public boolean mayMoveTo(CustomerStatus target) {
        return NEXT.get(this).contains(target);
    }

    public boolean readOnly() {
        return this == CANCELLED;
    }
}
