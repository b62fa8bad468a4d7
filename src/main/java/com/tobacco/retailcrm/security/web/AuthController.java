package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.domain.Authenticator;
import com.tobacco.retailcrm.security.domain.LoginRefusedException;
import com.tobacco.retailcrm.security.domain.MfaService;
import com.tobacco.retailcrm.security.domain.PasswordService;
import com.tobacco.retailcrm.security.domain.SessionTermination;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.security.domain.TokenService;
import com.tobacco.retailcrm.shared.web.ApiExceptionHandler;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 认证 — tokens for the API, password change, and turning on MFA. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Authenticator authenticator;
    private final TokenService tokens;
    private final PasswordService passwords;
    private final MfaService mfa;
    private final UserDirectory directory;
    private final ApiExceptionHandler errors;
    private final Messages messages;
    private final CrmProperties properties;

    AuthController(Authenticator authenticator, TokenService tokens, PasswordService passwords, MfaService mfa,
                   UserDirectory directory, ApiExceptionHandler errors, Messages messages, CrmProperties properties) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mfa = mfa;
        this.directory = directory;
        this.errors = errors;
        this.messages = messages;
        this.properties = properties;
    }

    record TokenRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 10) String totp) {
    }

    record TokenResponse(String token, OffsetDateTime expiresAt, boolean passwordChangeRequired,
                         boolean mfaSetupRequired) {
    }

    record PasswordChange(@NotBlank @Size(max = 128) String oldPassword, @NotBlank @Size(max = 128) String newPassword) {
    }

    /** The contract names the code {@code totp}; {@code code} is accepted too, as earlier clients send it. */
    record MfaCode(@Size(max = 10) String totp, @Size(max = 10) String code) {
        String value() {
            return totp != null && !totp.isBlank() ? totp : code;
        }
    }

    record RecoveryCodes(java.util.List<String> recoveryCodes) {
    }

    record Me(String username, String displayName, java.util.Set<com.tobacco.retailcrm.security.api.Role> roles,
              DataScope.Kind scope, boolean passwordChangeRequired, boolean mfaSetupRequired) {
    }

    @PostMapping("/token")
    @PermitAll
    TokenResponse token(@Valid @RequestBody TokenRequest req, HttpServletRequest http) {
        var user = authenticator.authenticate(req.username(), req.password(), req.totp(), http.getRemoteAddr());
        var issued = tokens.issue(user, http.getRemoteAddr());
        return new TokenResponse(issued.token(), issued.expiresAt().atZone(properties.zone()).toOffsetDateTime(),
                authenticator.mustChangePassword(user), authenticator.mfaSetupRequired(user));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void logout(HttpServletRequest http) {
        tokens.revoke(bearer(http));
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void changePassword(@Valid @RequestBody PasswordChange req, HttpServletRequest http) {
        passwords.change(CurrentUsers.require().id(), req.oldPassword(), req.newPassword(), http.getRemoteAddr(),
                new SessionTermination.KeptAccess(bearer(http), null));
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    Me me() {
        CurrentUser user = CurrentUsers.require();
        return new Me(user.username(), user.displayName(), user.roles(), directory.scopeOf(user).kind(),
                user.passwordChangeRequired(), mfa.enrolmentRequired(user));
    }

    @PostMapping("/mfa/setup")
    @PreAuthorize("isAuthenticated()")
    MfaService.MfaSetup mfaSetup() {
        return mfa.prepare(CurrentUsers.require().id());
    }

    @PostMapping("/mfa/confirm")
    @PreAuthorize("isAuthenticated()")
    RecoveryCodes mfaConfirm(@Valid @RequestBody MfaCode req) {
        if (req.value() == null || req.value().isBlank()) {
            throw new InvalidInputException("totp", "{jakarta.validation.constraints.NotBlank.message}");
        }
        return new RecoveryCodes(mfa.confirm(CurrentUsers.require().id(), req.value(),
                SessionTermination.KeptAccess.NONE));
    }

    private static String bearer(HttpServletRequest http) {
        String header = http.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    @ExceptionHandler(LoginRefusedException.class)
    ResponseEntity<ProblemDetail> refused(LoginRefusedException e) {
        HttpStatus status = e.locked() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
        var answer = errors.problem(status, messages.text(e.getMessage(), e.args()), null);
        return e.locked() ? ResponseEntity.status(status).headers(answer.getHeaders())
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).body(answer.getBody()) : answer;
    }
}
