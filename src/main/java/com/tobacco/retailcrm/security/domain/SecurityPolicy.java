package com.tobacco.retailcrm.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * 安全策略 — the rules SECURITY_ADMIN sets: password strength, history and age; lockout; token lifetime; MFA.
 * A single row: the company has one policy.
 */
@Entity
@Table(name = "security_policy")
public class SecurityPolicy {

    @Id
    private int id = 1;
    @Column(name = "password_min_length")
    private int passwordMinLength;
    @Column(name = "password_min_classes")
    private int passwordMinClasses;
    @Column(name = "password_history_count")
    private int passwordHistoryCount;
    @Column(name = "password_max_age_days")
    private int passwordMaxAgeDays;
    @Column(name = "lockout_threshold")
    private int lockoutThreshold;
    @Column(name = "lockout_window_minutes")
    private int lockoutWindowMinutes;
    @Column(name = "lockout_duration_minutes")
    private int lockoutDurationMinutes;
    @Column(name = "ip_failure_threshold")
    private int ipFailureThreshold;
    @Column(name = "token_ttl_minutes")
    private int tokenTtlMinutes;
    @Column(name = "mfa_required_for_admins")
    private boolean mfaRequiredForAdmins;
    @Version
    private long version;

    protected SecurityPolicy() {
    }

    /**
     * What is wrong with a proposed password, as message keys: too short, or fewer character classes (upper, lower,
     * digit, symbol) than the policy asks for. Reuse is checked against the history elsewhere.
     */
    public List<String> weaknesses(String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < passwordMinLength) {
            problems.add("error.password.tooShort");
        }
        if (password != null && characterClasses(password) < passwordMinClasses) {
            problems.add("error.password.classes");
        }
        return problems;
    }

    static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isLetter(c) && !Character.isWhitespace(c)) {
                // A letter without case (汉字) is none of the four classes, so it is not counted as a symbol.
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    void update(PolicySettings s) {
        this.passwordMinLength = s.passwordMinLength();
        this.passwordMinClasses = s.passwordMinClasses();
        this.passwordHistoryCount = s.passwordHistoryCount();
        this.passwordMaxAgeDays = s.passwordMaxAgeDays();
        this.lockoutThreshold = s.lockoutThreshold();
        this.lockoutWindowMinutes = s.lockoutWindowMinutes();
        this.lockoutDurationMinutes = s.lockoutDurationMinutes();
        this.ipFailureThreshold = s.ipFailureThreshold();
        this.tokenTtlMinutes = s.tokenTtlMinutes();
        this.mfaRequiredForAdmins = s.mfaRequiredForAdmins();
    }

    public PolicySettings settings() {
        return new PolicySettings(passwordMinLength, passwordMinClasses, passwordHistoryCount, passwordMaxAgeDays,
                lockoutThreshold, lockoutWindowMinutes, lockoutDurationMinutes, ipFailureThreshold, tokenTtlMinutes,
                mfaRequiredForAdmins, version);
    }

    public int passwordHistoryCount() {
        return passwordHistoryCount;
    }

    public int passwordMaxAgeDays() {
        return passwordMaxAgeDays;
    }

    public int lockoutThreshold() {
        return lockoutThreshold;
    }

    public int lockoutWindowMinutes() {
        return lockoutWindowMinutes;
    }

    public int lockoutDurationMinutes() {
        return lockoutDurationMinutes;
    }

    public int ipFailureThreshold() {
        return ipFailureThreshold;
    }

    public int tokenTtlMinutes() {
        return tokenTtlMinutes;
    }

    public boolean mfaRequiredForAdmins() {
        return mfaRequiredForAdmins;
    }

    /**
     * Whether a user with these roles must sign in with a second factor: the policy's switch (on by default) covers
     * the three administrators and the leaders (领导), who see the whole company (docs/domain/organisation-and-security.md).
     */
    public boolean mfaRequiredFor(java.util.Collection<com.tobacco.retailcrm.security.api.Role> roles) {
        return mfaRequiredForAdmins && mayRequireMfa(roles);
    }

    /** This user must turn on MFA before anything else: the policy requires it of them and they have not. */
    boolean mfaEnrolmentRequired(UserAccount user) {
        return mfaRequiredFor(user.getRoles()) && !user.isMfaEnabled();
    }

    /** Whether any policy could require MFA of these roles: only administrators' and leaders' can. */
    static boolean mayRequireMfa(java.util.Collection<com.tobacco.retailcrm.security.api.Role> roles) {
        return roles.stream().anyMatch(r -> r.isAdmin() || r == com.tobacco.retailcrm.security.api.Role.LEADER);
    }

    public long version() {
        return version;
    }
}
