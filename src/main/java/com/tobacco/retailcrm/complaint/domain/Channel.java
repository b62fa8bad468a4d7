package com.tobacco.retailcrm.complaint.domain;

/** 投诉渠道 — how the complaint came in. */
public enum Channel {
    PHONE, HOTLINE_12313, ONLINE, VISIT, LETTER, EMAIL
}
