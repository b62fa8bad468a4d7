package com.tobacco.retailcrm.security.config;

import com.tobacco.retailcrm.security.domain.Authenticator;
import com.tobacco.retailcrm.security.domain.LoginRefusedException;
import com.tobacco.retailcrm.security.domain.UserSessions;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The sign-in page's check: the same {@link Authenticator} as the API, so lockout and audit are shared. */
class FormLoginProvider implements AuthenticationProvider {

    private final Authenticator authenticator;
    private final UserSessions sessions;

    FormLoginProvider(Authenticator authenticator, UserSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var details = authentication.getDetails() instanceof LoginDetails d ? d : new LoginDetails(null, null);
        try {
            var user = authenticator.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()),
                    details.totp(), details.remoteAddress());
            return sessions.authenticationFor(user);
        } catch (LoginRefusedException e) {
            throw new CrmLoginException(e.getMessage(), e.args());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
