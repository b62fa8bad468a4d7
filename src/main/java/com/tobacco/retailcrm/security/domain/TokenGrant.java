package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.CurrentUser;
import java.time.Instant;

/**
 * What a valid token grants, as read from the database: the user, and what is needed to decide at each request (by
 * the clock of that request) whether the token has expired and the password is too old.
 *
 * @param user                  the user, {@code passwordChangeRequired} as stored (an administrator's reset)
 * @param mfaEnrolmentRequired  the policy requires MFA of this user and they have not turned it on
 */
record TokenGrant(long userId, Instant expiresAt, CurrentUser user, Instant passwordChangedAt, int passwordMaxAgeDays,
                  boolean mfaEnrolmentRequired) {

    /** The caller at {@code now}, or null when the token has expired by then. */
    TokenService.ApiCaller callerAt(Instant now) {
        if (!expiresAt.isAfter(now)) {
            return null;
        }
        boolean mustChange = UserAccount.mustChangePassword(user.passwordChangeRequired(), passwordChangedAt, now,
                passwordMaxAgeDays);
        CurrentUser current = mustChange == user.passwordChangeRequired() ? user
                : new CurrentUser(user.id(), user.username(), user.displayName(), user.orgUnitId(), user.roles(), mustChange);
        return new TokenService.ApiCaller(current, mfaEnrolmentRequired);
    }
}
