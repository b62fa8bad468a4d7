package com.tobacco.retailcrm.customer.photo;

/** 店面照片 / 柜台照片 / 负责人照片 — what a customer photo shows. */
public enum PhotoKind {
    STOREFRONT,
    COUNTER,
    PERSON
}
