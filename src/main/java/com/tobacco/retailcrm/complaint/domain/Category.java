package com.tobacco.retailcrm.complaint.domain;

/** 投诉类别 — what the complaint is about; {@link #STAFF_CONDUCT} (服务态度) names an employee and is routed away from them. */
public enum Category {
    SUPPLY, DELIVERY, ORDERING, SETTLEMENT, STAFF_CONDUCT, PRICE, PRODUCT_QUALITY, MONOPOLY, OTHER
}
