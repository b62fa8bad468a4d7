package com.tobacco.retailcrm.security.domain;

import static com.tobacco.retailcrm.shared.api.Texts.blankToNull;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 用户管理 — what the system administrator does to users (create, change, disable, reset a password) and what the
 * security administrator does (assign roles). Which admin may call what is declared on the controllers; the rules
 * that hold whoever calls live here.
 */
@Service
public class UserAdministration {

    public static final Set<String> SORTABLE = Set.of("username", "displayName", "orgUnitCode");

    private final UserAccountRepository users;
    private final PasswordService passwords;
    private final SessionTermination sessions;
    private final OrgDirectory org;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenService tokens;

    UserAdministration(UserAccountRepository users, PasswordService passwords, SessionTermination sessions, OrgDirectory org,
                       JdbcTemplate jdbc, AuditLog audit, Clock clock, TokenService tokens) {
        this.tokens = tokens;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.org = org;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UserView create(UserCommand cmd) {
        String username = cmd.username().trim();
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("username", "error.user.duplicate", username);
        }
        OrgUnitRef unit = orgUnit(cmd.orgUnitCode());
        UserAccount supervisor = blankToNull(cmd.supervisor()) == null ? null : existing(cmd.supervisor(), "supervisor");
        passwords.checkStrength(cmd.initialPassword(), "initialPassword");
        String hash = passwords.encode(cmd.initialPassword());
        var user = new UserAccount(username, cmd.displayName().trim(), unit.id(),
                supervisor == null ? null : supervisor.getId(), hash, clock.instant());
        user.setPhone(blankToNull(cmd.phone()));
        users.saveAndFlush(user);
        // a new report joins their supervisor's team: the data scopes cached on every node are read again
        tokens.forgetCached(user.getId());
        passwords.remember(user, hash);
        audit.record(AuditEntry.of("USER_CREATED", "USER", username).detail(cmd.displayName() + " @ " + unit.code()));
        return view(user);
    }

    @Transactional
    public UserView update(String username, UserUpdate cmd) {
        UserAccount user = existingOr404(username);
        if (user.getVersion() != cmd.version()) {
            throw new ConflictException("version", "error.version.stale");
        }
        List<String> changed = new ArrayList<>();
        if (cmd.displayName() != null) {
            user.setDisplayName(cmd.displayName().trim());
            changed.add("displayName");
        }
        if (cmd.orgUnitCode() != null) {
            user.setOrgUnitId(orgUnit(cmd.orgUnitCode()).id());
            changed.add("orgUnit");
        }
        if (cmd.supervisor() != null) {
            user.setSupervisorId(supervisorId(user, cmd.supervisor()));
            changed.add("supervisor");
        }
        if (cmd.phone() != null) {
            user.setPhone(blankToNull(cmd.phone()));
            changed.add("phone");
        }
        if (cmd.enabled() != null && cmd.enabled() != user.isEnabled()) {
            guardWatchers(user);
            user.setEnabled(cmd.enabled());
            if (!cmd.enabled()) {
                sessions.endAllBut(user.getId(), user.getUsername(), SessionTermination.KeptAccess.NONE);
            }
            audit.record(AuditEntry.of(cmd.enabled() ? "USER_ENABLED" : "USER_DISABLED", "USER", username));
        }
        users.flush();
        // the user's tokens stay valid but must show the new name and unit (their data scope) on this node at once
        tokens.forgetCached(user.getId());
        if (!changed.isEmpty()) {
            audit.record(AuditEntry.of("USER_UPDATED", "USER", username).detail(String.join(",", changed)));
        }
        return view(user);
    }

    /** Sets a temporary password that the user must change at the next sign-in; their sessions end. */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        UserAccount user = existingOr404(username);
        guardWatchers(user);
        passwords.checkStrength(newPassword, "newPassword");
        String hash = passwords.encode(newPassword);
        user.resetPassword(hash, clock.instant());
        passwords.remember(user, hash);
        sessions.endAllBut(user.getId(), user.getUsername(), SessionTermination.KeptAccess.NONE);
        audit.record(AuditEntry.of("PASSWORD_RESET", "USER", username));
    }

    @Transactional
    public UserView assignRoles(String actor, String username, Set<Role> roles) {
        UserAccount user = existingOr404(username);
        RoleAssignmentRules.violation(actor, username, roles).ifPresent(rule -> {
            throw new BusinessRuleException(rule);
        });
        Set<Role> before = user.getRoles();
        user.replaceRoles(roles);
        users.flush();
        sessions.endAllBut(user.getId(), user.getUsername(), SessionTermination.KeptAccess.NONE);
        audit.record(AuditEntry.of("ROLES_ASSIGNED", "USER", username).detail(before + " -> " + EnumSet.copyOf(
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles)));
        return view(user);
    }

    @Transactional(readOnly = true)
    public UserView get(String username) {
        return view(existingOr404(username));
    }

    @Transactional(readOnly = true)
    public PageResponse<UserView> list(String q, String orgUnitCode, Role role, Boolean enabled, PageQuery page) {
        var where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" and (u.username ilike ? escape '\\' or u.display_name ilike ? escape '\\')");
            String like = "%" + escapeLike(q.trim()) + "%";
            args.add(like);
            args.add(like);
        }
        if (orgUnitCode != null && !orgUnitCode.isBlank()) {
            Set<Long> subtree = org.findByCode(orgUnitCode.trim()).map(o -> org.subtreeIds(o.id())).orElse(Set.of());
            where.append(" and u.org_unit_id = any(?)");
            args.add(subtree.toArray(Long[]::new));
        }
        if (role != null) {
            where.append(" and exists (select 1 from user_role r where r.user_id = u.id and r.role = ?)");
            args.add(role.name());
        }
        if (enabled != null) {
            where.append(" and u.enabled = ?");
            args.add(enabled);
        }
        String from = " from app_user u join org_unit o on o.id = u.org_unit_id left join app_user s on s.id = u.supervisor_id";
        Long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        String column = switch (String.valueOf(page.sortField())) {
            case "displayName" -> "u.display_name";
            case "orgUnitCode" -> "o.code";
            default -> "u.username";
        };
        args.add(page.size());
        args.add(page.offset());
        List<UserView> items = jdbc.query("""
                select u.username, u.display_name, o.code, o.name, s.username as supervisor, u.enabled, u.mfa_enabled,
                       u.password_changed_at, u.version,
                       array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles
                """ + from + where + " order by " + column + (page.ascending() ? " asc" : " desc") + ", u.id limit ? offset ?",
                this::mapRow, args.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page.page(), page.size());
    }

    @Transactional
    public DelegationView delegate(String username, DelegationCommand cmd) {
        UserAccount user = existingOr404(username);
        UserAccount backup = existing(cmd.backup(), "backup");
        if (backup.getId().equals(user.getId())) {
            throw new InvalidInputException("backup", "{error.delegation.self}");
        }
        if (cmd.endsOn().isBefore(cmd.startsOn())) {
            throw new InvalidInputException("endsOn", "{error.delegation.range}");
        }
        if (!backup.isEnabled()) {
            throw new InvalidInputException("backup", "{error.delegation.backupDisabled}");
        }
        Set<Role> shared = EnumSet.noneOf(Role.class);
        shared.addAll(user.getRoles());
        shared.retainAll(backup.getRoles());
        if (shared.stream().noneMatch(r -> !r.isAdmin())) {
            throw new BusinessRuleException("error.delegation.noSharedRole");
        }
        Long id = jdbc.queryForObject("""
                insert into user_delegation (user_id, backup_id, starts_on, ends_on) values (?, ?, ?, ?) returning id""",
                Long.class, user.getId(), backup.getId(), Date.valueOf(cmd.startsOn()), Date.valueOf(cmd.endsOn()));
        audit.record(AuditEntry.of("DELEGATION_CREATED", "USER", username)
                .detail(backup.getUsername() + " " + cmd.startsOn() + ".." + cmd.endsOn()));
        return new DelegationView(id == null ? 0 : id, username, backup.getUsername(), cmd.startsOn(), cmd.endsOn());
    }

    @Transactional(readOnly = true)
    public List<DelegationView> delegations(String username) {
        UserAccount user = existingOr404(username);
        return jdbc.query("""
                select d.id, b.username, d.starts_on, d.ends_on from user_delegation d join app_user b on b.id = d.backup_id
                 where d.user_id = ? order by d.starts_on desc""",
                (rs, i) -> new DelegationView(rs.getLong(1), username, rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()), user.getId());
    }

    /**
     * The system administrator may not disable or reset the security or audit administrators: that would let one
     * duty silence the ones that watch it.
     */
    private static void guardWatchers(UserAccount target) {
        Set<Role> roles = target.getRoles();
        if (roles.contains(Role.SECURITY_ADMIN) || roles.contains(Role.AUDIT_ADMIN)) {
            throw new BusinessRuleException("error.user.watcherProtected");
        }
    }

    private Long supervisorId(UserAccount user, String supervisor) {
        if (supervisor.isBlank()) {
            return null;
        }
        UserAccount s = existing(supervisor, "supervisor");
        // Walk up from the new supervisor: finding the user there would make a reporting cycle.
        for (UserAccount cur = s; cur != null; cur = cur.getSupervisorId() == null ? null
                : users.findById(cur.getSupervisorId()).orElse(null)) {
            if (cur.getId().equals(user.getId())) {
                throw new InvalidInputException("supervisor", "{error.user.supervisorCycle}");
            }
        }
        return s.getId();
    }

    private OrgUnitRef orgUnit(String code) {
        return org.findByCode(code.trim()).orElseThrow(() -> new InvalidInputException("orgUnitCode", "{error.orgUnit.unknown}"));
    }

    private UserAccount existing(String username, String field) {
        return users.findByUsername(username.trim()).orElseThrow(() -> new InvalidInputException(field, "{error.user.unknown}"));
    }

    private UserAccount existingOr404(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("error.user.notFound", username));
    }

    private UserView view(UserAccount u) {
        OrgUnitRef unit = org.findById(u.getOrgUnitId()).orElseThrow();
        String supervisor = u.getSupervisorId() == null ? null
                : users.findById(u.getSupervisorId()).map(UserAccount::getUsername).orElse(null);
        return new UserView(u.getUsername(), u.getDisplayName(), unit.code(), unit.name(), supervisor, u.isEnabled(),
                u.getRoles(), u.isMfaEnabled(), u.getPasswordChangedAt(), u.getVersion());
    }

    private UserView mapRow(ResultSet rs, int i) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> roleSet = java.util.Arrays.stream((String[]) roles.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserView(rs.getString("username"), rs.getString("display_name"), rs.getString("code"),
                rs.getString("name"), rs.getString("supervisor"), rs.getBoolean("enabled"), roleSet,
                rs.getBoolean("mfa_enabled"), rs.getTimestamp("password_changed_at").toInstant(), rs.getLong("version"));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
