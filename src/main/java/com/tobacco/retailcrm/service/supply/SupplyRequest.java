package com.tobacco.retailcrm.service.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 应急货源报批表 — one request as the paper form holds it: the customer, the event, the brand lines and the outcome.
 * Its id is its workflow case's id; the steps (who, when, why) are the case's.
 */
record SupplyRequest(long id, String number, String customerCode, String storeName, String countyCode, Long countyId,
                     String customerManager, SupplyReason reason, LocalDate eventDate, boolean special, String note,
                     BigDecimal totalQty, ApprovalRoute route, RequestStatus status, String requester,
                     Instant createdAt, Instant decidedAt, String decidedBy, LocalDate supplyOn, long version,
                     List<Line> lines) {

    /** 品规 and 数量（条）. */
    record Line(int lineNo, String brandCode, String brandName, SupplyClass supplyClass, BigDecimal qty) {
    }

    SupplyRequest withLines(List<Line> newLines) {
        return new SupplyRequest(id, number, customerCode, storeName, countyCode, countyId, customerManager, reason,
                eventDate, special, note, totalQty, route, status, requester, createdAt, decidedAt, decidedBy, supplyOn,
                version, newLines);
    }
}
