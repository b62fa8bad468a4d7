package com.tobacco.retailcrm.classification.api;

import java.math.BigDecimal;

/**
 * 购进 — one customer's purchases summed over a date range.
 *
 * @param qty    条 (cartons), exact decimal
 * @param amount 元, exact decimal
 */
public record PurchaseTotals(String customerCode, BigDecimal qty, BigDecimal amount) {
}
