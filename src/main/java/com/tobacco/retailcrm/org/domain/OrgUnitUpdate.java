package com.tobacco.retailcrm.org.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Renaming or moving an org unit; {@code version} guards against overwriting someone else's change. */
public record OrgUnitUpdate(@Size(min = 1, max = 100)
                            @Pattern(regexp = "(?s).*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}")
                            String name, @Size(max = 32) String parentCode,
                            @NotNull Long version) {
}
