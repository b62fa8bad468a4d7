/**
 * 安全 — users, roles (三权分立 included), authentication by password, token and session, lockout and password
 * policy, and data scopes. Other modules use {@code api}: the current user, roles, scopes and the user directory.
 */
package com.tobacco.retailcrm.security;
