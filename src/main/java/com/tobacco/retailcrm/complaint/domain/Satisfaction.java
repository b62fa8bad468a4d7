package com.tobacco.retailcrm.complaint.domain;

/** 回访满意度 — 满意 / 基本满意 / 不满意; only the first two let a complaint close. */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

    public boolean accepted() {
        return this != UNSATISFIED;
    }
}
