package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Builds the signed-in identity for a user, the same way for tokens and sessions. */
@Component
public class UserSessions {

    private final Authenticator authenticator;

    UserSessions(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Authentication authenticationFor(UserAccount user) {
        return authenticationFor(UserAccounts.currentUser(user, authenticator.mustChangePassword(user)));
    }

    public static Authentication authenticationFor(CurrentUser user) {
        return CurrentUsers.authenticationOf(user);
    }
}
