package com.tobacco.retailcrm.security.api;

import java.util.Set;

/** A user as other modules need them: for assignment, escalation and checks like "is this a customer manager". */
public record UserRef(long id, String username, String displayName, long orgUnitId, String supervisor,
                      Set<Role> roles, boolean enabled) {
}
