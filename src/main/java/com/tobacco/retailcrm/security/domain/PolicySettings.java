package com.tobacco.retailcrm.security.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The security policy as SECURITY_ADMIN reads and sets it; bounds keep it from being set to something unsafe. */
public record PolicySettings(
        @Min(8) @Max(64) int passwordMinLength,
        @Min(1) @Max(4) int passwordMinClasses,
        @Min(0) @Max(24) int passwordHistoryCount,
        @Min(0) @Max(365) int passwordMaxAgeDays,
        @Min(3) @Max(20) int lockoutThreshold,
        @Min(1) @Max(1440) int lockoutWindowMinutes,
        @Min(1) @Max(1440) int lockoutDurationMinutes,
        @Min(5) @Max(1000) int ipFailureThreshold,
        @Min(5) @Max(1440) int tokenTtlMinutes,
        boolean mfaRequiredForAdmins,
        @NotNull Long version) {
}
