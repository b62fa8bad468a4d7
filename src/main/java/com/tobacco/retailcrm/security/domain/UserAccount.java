package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** 用户 — a person who signs in: their place in the organisation, roles and password state. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "org_unit_id", nullable = false)
    private long orgUnitId;

    @Column(name = "supervisor_id")
    private Long supervisorId;

    private boolean enabled = true;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired = true;

    /** When an administrator last reset the password, until the user sets their own: the sign-in says so. */
    @Column(name = "password_reset_at")
    private Instant passwordResetAt;

    @Column(name = "mfa_secret")
    private String mfaSecret;

    @Column(name = "mfa_enabled", nullable = false)
    private boolean mfaEnabled;

    private String phone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, long orgUnitId, Long supervisorId, String passwordHash, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.orgUnitId = orgUnitId;
        this.supervisorId = supervisorId;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    /** A password older than the policy's maximum age must be changed before anything else. */
    boolean mustChangePassword(Instant now, int maxAgeDays) {
        return mustChangePassword(passwordChangeRequired, passwordChangedAt, now, maxAgeDays);
    }

    static boolean mustChangePassword(boolean changeRequired, Instant changedAt, Instant now, int maxAgeDays) {
        return changeRequired || (maxAgeDays > 0 && changedAt.plus(Duration.ofDays(maxAgeDays)).isBefore(now));
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.passwordChangeRequired = false;
        this.passwordResetAt = null;
    }

    /** An administrator sets a password the user must replace at the next sign-in. */
    void resetPassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.passwordChangeRequired = true;
        this.passwordResetAt = now;
    }

    /** When the administrator reset the password the user still has to replace; null when they set it themselves. */
    public Instant passwordResetAt() {
        return passwordResetAt;
    }

    void replaceRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setOrgUnitId(long orgUnitId) {
        this.orgUnitId = orgUnitId;
    }

    void setSupervisorId(Long supervisorId) {
        this.supervisorId = supervisorId;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    void enableMfa(String secret) {
        this.mfaSecret = secret;
        this.mfaEnabled = true;
    }

    void prepareMfa(String secret) {
        this.mfaSecret = secret;
        this.mfaEnabled = false;
    }

    void disableMfa() {
        this.mfaSecret = null;
        this.mfaEnabled = false;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public long getOrgUnitId() {
        return orgUnitId;
    }

    public Long getSupervisorId() {
        return supervisorId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isMfaEnabled() {
        return mfaEnabled;
    }

    String getMfaSecret() {
        return mfaSecret;
    }

    public String getPhone() {
        return phone;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public long getVersion() {
        return version;
    }
}
