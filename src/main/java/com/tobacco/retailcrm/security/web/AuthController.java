package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.domain.Authenticator;
import com.tobacco.retailcrm.security.domain.LoginRefusedException;
import com.tobacco.retailcrm.security.domain.MfaService;
import com.tobacco.retailcrm.security.domain.PasswordService;
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

    record TokenResponse(String token, OffsetDateTime expiresAt, boolean passwordChangeRequired) {
    }

    record PasswordChange(@NotBlank @Size(max = 128) String oldPassword, @NotBlank @Size(max = 128) String newPassword) {
    }

    record MfaCode(@NotBlank @Size(max = 10) String code) {
    }

    record Me(String username, String displayName, java.util.Set<com.tobacco.retailcrm.security.api.Role> roles,
              DataScope.Kind scope, boolean passwordChangeRequired) {
    }

    @PostMapping("/token")
    @PermitAll
    TokenResponse token(@Valid @RequestBody TokenRequest req, HttpServletRequest http) {
        var user = authenticator.authenticate(req.username(), req.password(), req.totp(), http.getRemoteAddr());
        var issued = tokens.issue(user, http.getRemoteAddr());
        return new TokenResponse(issued.token(), issued.expiresAt().atZone(properties.zone()).toOffsetDateTime(),
                authenticator.mustChangePassword(user));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void logout(HttpServletRequest http) {
        String header = http.getHeader("Authorization");
        tokens.revoke(header.substring(7).trim());
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void changePassword(@Valid @RequestBody PasswordChange req) {
        passwords.change(CurrentUsers.require().id(), req.oldPassword(), req.newPassword());
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    Me me() {
        CurrentUser user = CurrentUsers.require();
        return new Me(user.username(), user.displayName(), user.roles(), directory.scopeOf(user).kind(),
                user.passwordChangeRequired());
    }

    @PostMapping("/mfa/setup")
    @PreAuthorize("isAuthenticated()")
    MfaService.MfaSetup mfaSetup() {
        return mfa.prepare(CurrentUsers.require().id());
    }

    @PostMapping("/mfa/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void mfaConfirm(@Valid @RequestBody MfaCode req) {
        mfa.confirm(CurrentUsers.require().id(), req.code());
    }

    @ExceptionHandler(LoginRefusedException.class)
    ResponseEntity<ProblemDetail> refused(LoginRefusedException e) {
        HttpStatus status = e.locked() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
        return errors.problem(status, messages.text(e.getMessage(), e.args()), null);
    }
}
