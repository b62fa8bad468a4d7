package com.tobacco.retailcrm.rating.api;

/** 守法情况 as other modules ask it: computed from the violation records of the last 12 months, today. */
public interface LawAbiding {

    /** No SERIOUS and fewer than 3 MINOR violations within the last 12 months. */
    boolean isLawAbiding(String customerCode);
}
