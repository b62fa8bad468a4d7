package com.tobacco.retailcrm.service.supply;

/** 卷烟品规 of the catalogue with its supply class. */
record Brand(String code, String name, SupplyClass supplyClass, long version) {
}
