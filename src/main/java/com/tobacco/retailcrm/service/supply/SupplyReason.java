package com.tobacco.retailcrm.service.supply;

/** 申请事由 of an emergency-supply request: 婚宴, 丧事, 寿宴, 会议, 团购, 其他. */
enum SupplyReason {
    WEDDING, FUNERAL, BIRTHDAY, MEETING, GROUP_PURCHASE, OTHER
}
