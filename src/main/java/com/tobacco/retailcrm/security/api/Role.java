package com.tobacco.retailcrm.security.api;

import java.util.EnumSet;
import java.util.Set;

/** 角色 — the roles of docs/domain/organisation-and-security.md, with 客服部主任 and 营销中心副经理 of the service chapter. A user may hold several business roles, or exactly one admin role. */
public enum Role {
    CUSTOMER_MANAGER,
    MARKET_MANAGER,
    COUNTY_HEAD,
    MARKET_DEPT,
    DISTRIBUTION_DEPT,
    SALES_DEPT,
    MONOPOLY_OFFICER,
    SERVICE_AGENT,
    LEADER,
    /** 客服部主任 — approves emergency supply up to the threshold; owns service items and surveys. */
    SERVICE_HEAD,
    /** 营销中心副经理 — approves larger and special emergency supply. */
    MARKETING_DEPUTY,
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDIT_ADMIN;

    public static final Set<Role> ADMINS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    public boolean isAdmin() {
        return ADMINS.contains(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
