package com.tobacco.retailcrm.service.suspension;

import java.time.Instant;
import java.util.List;

/**
 * 服务暂停 — ordering and/or delivery paused for a scope (counties, org units, delivery routes) from a time, until
 * an end time or until it is ended; during it the affected customers may settle in cash when {@code cashSettlement}.
 */
record Suspension(long id, Cause cause, List<String> countyCodes, List<String> orgUnitCodes,
                  List<String> deliveryRoutes, List<SuspendedService> services, Instant from, Instant to, String notice,
                  boolean cashSettlement, Status status, String createdBy, Instant createdAt, String endedBy,
                  Instant endedAt, long version) {

    enum Cause { WEATHER, SYSTEM_FAILURE, OTHER }

    enum SuspendedService { ORDERING, DELIVERY }

    enum Status { ACTIVE, ENDED }

    /** In force at {@code at}: started, not past its end, not ended. */
    boolean inForce(Instant at) {
        return status == Status.ACTIVE && !at.isBefore(from) && (to == null || at.isBefore(to));
    }

    /** Whether a customer is a key customer (重点客户): large business scale, or a group customer (集团客户). */
    static boolean keyCustomer(Object businessScale, Object groupCustomer) {
        return "1".equals(String.valueOf(businessScale)) || Boolean.TRUE.equals(groupCustomer);
    }
}
