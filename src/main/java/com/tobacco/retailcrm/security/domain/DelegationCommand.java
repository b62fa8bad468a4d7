package com.tobacco.retailcrm.security.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Naming a backup for a date range. */
public record DelegationCommand(@NotBlank @Size(max = 50) String backup, @NotNull LocalDate startsOn,
                                @NotNull LocalDate endsOn) {
}
