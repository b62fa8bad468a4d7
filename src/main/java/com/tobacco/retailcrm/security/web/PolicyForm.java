package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.domain.PolicySettings;
import jakarta.validation.constraints.NotNull;

/**
 * The policy page's form: numbers as typed (a blank or a letter becomes a form error, not an exception), turned
 * into {@link PolicySettings} for the bounds check and the update.
 */
public class PolicyForm {

    private Integer passwordMinLength;
    private Integer passwordMinClasses;
    private Integer passwordHistoryCount;
    private Integer passwordMaxAgeDays;
    private Integer lockoutThreshold;
    private Integer lockoutWindowMinutes;
    private Integer lockoutDurationMinutes;
    private Integer ipFailureThreshold;
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

    /** Blank numbers become -1, which every bound refuses with its own message. */
    PolicySettings toSettings() {
        return new PolicySettings(n(passwordMinLength), n(passwordMinClasses), n(passwordHistoryCount),
                n(passwordMaxAgeDays), n(lockoutThreshold), n(lockoutWindowMinutes), n(lockoutDurationMinutes),
                n(ipFailureThreshold), n(tokenTtlMinutes), mfaRequiredForAdmins, version);
    }

    private static int n(Integer value) {
        return value == null ? -1 : value;
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
