package com.tobacco.retailcrm.org.domain;

import com.tobacco.retailcrm.org.api.OrgUnitType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creating an org unit: {@code {"code","name","type","parentCode"}}. */
public record OrgUnitCommand(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{error.orgUnit.code}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull OrgUnitType type,
        @Size(max = 32) String parentCode) {
}
