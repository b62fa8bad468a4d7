package com.tobacco.retailcrm.customer.api;

/** The six groups of the archive (基本标识、基本信息、经营模式、经营水平、守法情况、服务信息) plus deployment-defined fields. */
public enum FieldGroup {
    IDENTIFICATION, BASIC, BUSINESS_MODE, BUSINESS_LEVEL, LAW, SERVICE, CUSTOM
}
