package com.tobacco.retailcrm.customer.api;

import java.math.BigDecimal;

/** A line of a customer list. The phone is always masked in lists (clear reads happen one customer at a time). */
public record CustomerSummary(String customerCode, String licenceNo, String storeName, String retailFormat,
                              String marketType, String status, String customerManager, String countyCode,
                              String address, String orderPhone, BigDecimal completeness, long version) {
}
