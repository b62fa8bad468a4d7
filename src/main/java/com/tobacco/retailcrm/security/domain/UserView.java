package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.Role;
import java.time.Instant;
import java.util.Set;

/** A user as the admin pages and API show them; never the password hash or MFA secret. */
public record UserView(String username, String displayName, String orgUnitCode, String orgUnitName, String supervisor,
                       boolean enabled, Set<Role> roles, boolean mfaEnabled, Instant passwordChangedAt, long version) {
}
