package com.tobacco.retailcrm.org.domain;

import com.tobacco.retailcrm.org.api.OrgUnitType;

/** An org unit as the API shows it. */
public record OrgUnitView(String code, String name, OrgUnitType type, String parentCode, long version) {
}
