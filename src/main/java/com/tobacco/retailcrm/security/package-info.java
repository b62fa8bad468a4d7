/**
 * 安全 — users, roles (三权分立 included), authentication by password, token and session, lockout and password
 * policy, and data scopes. Other modules use {@code api}: the current user, roles, scopes and the user directory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "org :: api", "shared"})
package com.tobacco.retailcrm.security;
