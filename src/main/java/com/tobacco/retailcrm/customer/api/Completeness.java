package com.tobacco.retailcrm.customer.api;

import java.math.BigDecimal;

/** 完整率 — filled required fields / required fields, per level and overall, as fractions with 2 decimals. */
public record Completeness(BigDecimal national, BigDecimal provincial, BigDecimal overall) {
}
