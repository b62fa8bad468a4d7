package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.domain.PolicySettings;
import jakarta.validation.constraints.NotNull;

/**
 * The policy page's form: numbers as typed (a blank or a letter becomes a form error, not an exception), turned
 * into {@link PolicySettings} for the bounds check and the update once all are present.
 */
public class PolicyForm {

    @NotNull
    private Integer passwordMinLength;
    @NotNull
    private Integer passwordMinClasses;
    @NotNull
    private Integer passwordHistoryCount;
    @NotNull
    private Integer passwordMaxAgeDays;
    @NotNull
    private Integer lockoutThreshold;
    @NotNull
    private Integer lockoutWindowMinutes;
    @NotNull
    private Integer lockoutDurationMinutes;
    @NotNull
    private Integer ipFailureThreshold;
    @NotNull
    private Integer tokenTtlMinutes;
    private boolean mfaRequiredForAdmins;
    @NotNull
    private Long version;

    static PolicyForm of(PolicySettings s) {
        var f = new PolicyForm();
        f.passwordMinLength = s.passwordMinLength();
        f.passwordMinClasses = s.passwordMinClasses();
        f.passwordHistoryCount = s.passwordHistoryCount();
        f.passwordMaxAgeDays = s.passwordMaxAgeDays();
        f.lockoutThreshold = s.lockoutThreshold();
        f.lockoutWindowMinutes = s.lockoutWindowMinutes();
        f.lockoutDurationMinutes = s.lockoutDurationMinutes();
        f.ipFailureThreshold = s.ipFailureThreshold();
        f.tokenTtlMinutes = s.tokenTtlMinutes();
        f.mfaRequiredForAdmins = s.mfaRequiredForAdmins();
        f.version = s.version();
        return f;
    }

    /** Called once every number is present (the form's own check). */
    PolicySettings toSettings() {
        return new PolicySettings(passwordMinLength, passwordMinClasses, passwordHistoryCount,
                passwordMaxAgeDays, lockoutThreshold, lockoutWindowMinutes, lockoutDurationMinutes,
                ipFailureThreshold, tokenTtlMinutes, mfaRequiredForAdmins, version);
    }

    public Integer getPasswordMinLength() {
        return passwordMinLength;
    }

    public void setPasswordMinLength(Integer passwordMinLength) {
        this.passwordMinLength = passwordMinLength;
    }

    public Integer getPasswordMinClasses() {
        return passwordMinClasses;
    }

    public void setPasswordMinClasses(Integer passwordMinClasses) {
        this.passwordMinClasses = passwordMinClasses;
    }

    public Integer getPasswordHistoryCount() {
        return passwordHistoryCount;
    }

    public void setPasswordHistoryCount(Integer passwordHistoryCount) {
        this.passwordHistoryCount = passwordHistoryCount;
    }

    public Integer getPasswordMaxAgeDays() {
        return passwordMaxAgeDays;
    }

    public void setPasswordMaxAgeDays(Integer passwordMaxAgeDays) {
        this.passwordMaxAgeDays = passwordMaxAgeDays;
    }

    public Integer getLockoutThreshold() {
        return lockoutThreshold;
    }

    public void setLockoutThreshold(Integer lockoutThreshold) {
        this.lockoutThreshold = lockoutThreshold;
    }

    public Integer getLockoutWindowMinutes() {
        return lockoutWindowMinutes;
    }

    public void setLockoutWindowMinutes(Integer lockoutWindowMinutes) {
        this.lockoutWindowMinutes = lockoutWindowMinutes;
    }

    public Integer getLockoutDurationMinutes() {
        return lockoutDurationMinutes;
    }

    public void setLockoutDurationMinutes(Integer lockoutDurationMinutes) {
        this.lockoutDurationMinutes = lockoutDurationMinutes;
    }

    public Integer getIpFailureThreshold() {
        return ipFailureThreshold;
    }

    public void setIpFailureThreshold(Integer ipFailureThreshold) {
        this.ipFailureThreshold = ipFailureThreshold;
    }

    public Integer getTokenTtlMinutes() {
        return tokenTtlMinutes;
    }

    public void setTokenTtlMinutes(Integer tokenTtlMinutes) {
        this.tokenTtlMinutes = tokenTtlMinutes;
    }

    public boolean isMfaRequiredForAdmins() {
        return mfaRequiredForAdmins;
    }

    public void setMfaRequiredForAdmins(boolean mfaRequiredForAdmins) {
        this.mfaRequiredForAdmins = mfaRequiredForAdmins;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
