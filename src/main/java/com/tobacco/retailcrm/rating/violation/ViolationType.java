package com.tobacco.retailcrm.rating.violation;

/** 违规类型: 轻微 (MINOR) or 严重 (SERIOUS). */
public enum ViolationType {
    MINOR, SERIOUS
}
