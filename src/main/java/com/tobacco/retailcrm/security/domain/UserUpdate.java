package com.tobacco.retailcrm.security.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changing a user's profile; absent fields stay as they are. {@code supervisor} set to an empty string removes
 * the supervisor.
 */
public record UserUpdate(@Size(min = 1, max = 50)
                         @Pattern(regexp = "(?s).*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}")
                         String displayName, @Size(max = 32) String orgUnitCode,
                         @Size(max = 50) String supervisor, Boolean enabled,
                         @Pattern(regexp = "1[3-9]\\d{9}", message = "{error.phone.mobile}") String phone,
                         @NotNull Long version) {
}
