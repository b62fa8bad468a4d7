package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.CurrentUser;

/** Conversions of a user account to what the rest of the application sees. */
final class UserAccounts {

    private UserAccounts() {
    }

    static CurrentUser currentUser(UserAccount u, boolean passwordChangeRequired) {
        return new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getOrgUnitId(), u.getRoles(),
                passwordChangeRequired);
    }
}
