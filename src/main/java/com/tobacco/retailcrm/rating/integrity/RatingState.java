package com.tobacco.retailcrm.rating.integrity;

/** Where a rating stands: 初评 PRELIMINARY → 公示 NOTICE → 审定 FINAL. */
public enum RatingState {
    PRELIMINARY, NOTICE, FINAL
}
