package com.tobacco.retailcrm.rating.integrity;

/** The answer to an appeal: 申诉成立 UPHELD (the grade changes to the new one) or 驳回 REJECTED. */
public enum AppealDecision {
    UPHELD, REJECTED
}
