package com.tobacco.retailcrm.security.config;

import com.tobacco.retailcrm.security.domain.MfaService;
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

    private final TokenService tokens;
    private final ProblemResponses problems;
    private final MfaService mfa;

    BearerTokenFilter(TokenService tokens, ProblemResponses problems, MfaService mfa) {
        this.tokens = tokens;
        this.problems = problems;
        this.mfa = mfa;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        var user = token == null ? java.util.Optional.<com.tobacco.retailcrm.security.api.CurrentUser>empty()
                : tokens.resolve(token);
        if (user.isPresent()) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UserSessions.authenticationFor(user.get()));
            SecurityContextHolder.setContext(context);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (user.get().passwordChangeRequired() && !AccessInterceptors.allowedBeforePasswordChange(path)) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.password.changeRequired");
                return;
            }
            if (!AccessInterceptors.allowedBeforeMfaEnrolment(path) && mfa.enrolmentRequired(user.get())) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "error.mfa.setupRequired");
                return;
            }
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
