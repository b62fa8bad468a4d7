package com.tobacco.retailcrm.security.config;

import com.tobacco.retailcrm.security.domain.TokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import com.tobacco.retailcrm.security.domain.UserSessions;
import com.tobacco.retailcrm.shared.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API callers by their {@code Authorization: Bearer} token; an unknown or expired token signs in nobody.
 * A caller who must change their password is stopped here, before any request mapping, so that no endpoint (not even
 * one that would first refuse the content type) answers anything but 403 until the password is changed; likewise a
 * caller whom the policy requires to use MFA and who has not set it up may only set it up.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute: this filter has decided the caller's MFA enrolment from the token's cached grant. */
    static final String MFA_CHECKED = BearerTokenFilter.class.getName() + ".mfaChecked";

    private final TokenService tokens;
    private final ProblemResponses problems;

    BearerTokenFilter(TokenService tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        var caller = token == null ? java.util.Optional.<TokenService.ApiCaller>empty() : tokens.resolve(token);
        if (caller.isPresent()) {
            var user = caller.get().user();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UserSessions.authenticationFor(user));
            SecurityContextHolder.setContext(context);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (user.passwordChangeRequired() && !AccessInterceptors.allowedBeforePasswordChange(path)) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.password.changeRequired");
                return;
            }
            if (!AccessInterceptors.allowedBeforeMfaEnrolment(path) && caller.get().mfaEnrolmentRequired()) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.mfa.setupRequired");
                return;
            }
            // the MFA gate among the interceptors need not ask the database again
            request.setAttribute(MFA_CHECKED, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }
}
