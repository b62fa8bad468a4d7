package com.tobacco.retailcrm.security.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The user page's form, for creating (with username and initial password) and editing (with the version read).
 * Field names are the API's, so the domain's refusals land on the right field.
 */
public class UserForm {

    /** Checks that apply only when creating. */
    public interface OnCreate {
    }

    @NotBlank(groups = OnCreate.class)
    @Size(min = 2, max = 50, groups = OnCreate.class)
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{error.user.username}", groups = OnCreate.class)
    private String username;
    @NotBlank
    @Size(max = 50)
    private String displayName;
    @NotBlank
    @Size(max = 32)
    private String orgUnitCode;
    @Size(max = 50)
    private String supervisor;
    @Pattern(regexp = "|1[3-9]\\d{9}", message = "{error.phone.mobile}")
    private String phone;
    @NotBlank(groups = OnCreate.class)
    @Size(max = 128, groups = OnCreate.class)
    private String initialPassword;
    private Long version;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getOrgUnitCode() {
        return orgUnitCode;
    }

    public void setOrgUnitCode(String orgUnitCode) {
        this.orgUnitCode = orgUnitCode;
    }

    public String getSupervisor() {
        return supervisor;
    }

    public void setSupervisor(String supervisor) {
        this.supervisor = supervisor;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
