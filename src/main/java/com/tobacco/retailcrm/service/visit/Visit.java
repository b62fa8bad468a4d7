package com.tobacco.retailcrm.service.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 拜访记录 — one visit of a customer, as recorded by the manager who made it. */
public record Visit(long id, String customerCode, String storeName, String customerManager, String visitedBy,
                    Instant visitedAt, LocalDate visitDate, VisitPurpose purpose, String findings, String salesAnomaly,
                    List<String> checkedFields, List<String> wrongFields, String nextActions, Instant createdAt) {
}
