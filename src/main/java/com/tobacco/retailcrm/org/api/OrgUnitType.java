package com.tobacco.retailcrm.org.api;

/** Kinds of org unit: 公司, 部门, 县区营销部, 市场经理片区. */
public enum OrgUnitType {
    COMPANY, DEPARTMENT, COUNTY, AREA
}
