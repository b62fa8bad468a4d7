package com.tobacco.retailcrm.security.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creating a user: {@code {"username","displayName","orgUnitCode","supervisor"?,"initialPassword"}}. */
public record UserCommand(
        @NotBlank @Size(min = 2, max = 50) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{error.user.username}") String username,
        @NotBlank @Size(max = 50) String displayName,
        @NotBlank @Size(max = 32) String orgUnitCode,
        @Size(max = 50) String supervisor,
        @NotBlank @Size(max = 128) String initialPassword,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "{error.phone.mobile}") String phone) {
}
