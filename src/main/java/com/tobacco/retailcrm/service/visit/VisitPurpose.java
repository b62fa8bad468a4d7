package com.tobacco.retailcrm.service.visit;

/** 拜访目的 — why a visit was made; CARE visits are 亲情服务 and count as visits like any other. */
public enum VisitPurpose {
    ROUTINE, ONBOARDING, COMPLAINT, CARE, GUIDANCE, INSPECTION, OTHER
}
