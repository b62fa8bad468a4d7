package com.tobacco.retailcrm.security.domain;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a user's ways in: every API token and every UI session (found by principal in the shared session store), but
 * the caller's own one, which {@link KeptAccess} names. Used when the password changes or is reset, the roles change,
 * the account is disabled and MFA is turned on.
 */
@Component
public class SessionTermination {

    /** The token or UI session that survives: the one the user is acting through. Both may be null. */
    public record KeptAccess(String token, String sessionId) {
        public static final KeptAccess NONE = new KeptAccess(null, null);
    }

    private final TokenService tokens;
    private final FindByIndexNameSessionRepository<?> sessions;

    SessionTermination(TokenService tokens, FindByIndexNameSessionRepository<?> sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    public void endAllBut(long userId, String username, KeptAccess kept) {
        tokens.revokeAllBut(userId, kept.token());
        sessions.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(kept.sessionId()))
                .forEach(sessions::deleteById);
    }
}
