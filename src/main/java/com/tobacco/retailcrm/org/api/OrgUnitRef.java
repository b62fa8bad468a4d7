package com.tobacco.retailcrm.org.api;

/** An org unit as other modules see it. */
public record OrgUnitRef(long id, String code, String name, OrgUnitType type, String parentCode) {
}
