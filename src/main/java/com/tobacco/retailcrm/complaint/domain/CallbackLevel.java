package com.tobacco.retailcrm.complaint.domain;

/** 三级回访 — customer-manager visit, call-centre phone callback, supervisory callback. */
public enum CallbackLevel {
    CUSTOMER_MANAGER, CALL_CENTRE, SUPERVISORY
}
