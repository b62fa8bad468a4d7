package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.DataScope.Kind;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The user directory other modules read, and the data scope of each user. */
@Service
class UserDirectoryService implements UserDirectory {

    private final UserAccountRepository users;
    private final OrgDirectory org;
    private final JdbcTemplate jdbc;
    private final ScopeCache scopes;
    private final TransactionTemplate readOnly;

    UserDirectoryService(UserAccountRepository users, OrgDirectory org, JdbcTemplate jdbc, ScopeCache scopes,
                         PlatformTransactionManager transactions) {
        this.users = users;
        this.org = org;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserRef> find(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username).map(this::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, UserRef> findAll(Collection<String> usernames) {
        Map<String, UserRef> found = new HashMap<>();
        if (usernames.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select u.id, u.username, u.display_name, u.org_unit_id, s.username as supervisor, u.enabled,
                       array_remove(array_agg(r.role), null) as roles
                from app_user u
                left join app_user s on s.id = u.supervisor_id
                left join user_role r on r.user_id = u.id
                where u.username = any (?)
                group by u.id, s.username""", rs -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : (String[]) rs.getArray("roles").getArray()) {
                roles.add(Role.valueOf(role));
            }
            found.put(rs.getString("username"), new UserRef(rs.getLong("id"), rs.getString("username"),
                    rs.getString("display_name"), rs.getLong("org_unit_id"), rs.getString("supervisor"), roles,
                    rs.getBoolean("enabled")));
        }, (Object) usernames.toArray(String[]::new));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserRef> withRoleUnder(Role role, long orgUnitId) {
        return users.findEnabledWithRoleIn(role, org.subtreeIds(orgUnitId)).stream().map(this::ref).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserRef> reportsOf(String username) {
        Optional<UserAccount> root = users.findByUsername(username);
        if (root.isEmpty()) {
            return List.of();
        }
        List<UserAccount> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(root.get().getId()));
        List<Long> frontier = List.of(root.get().getId());
        while (!frontier.isEmpty()) {
            List<UserAccount> next = users.findBySupervisorIdIn(frontier).stream().filter(u -> seen.add(u.getId())).toList();
            result.addAll(next);
            frontier = next.stream().map(UserAccount::getId).toList();
        }
        return result.stream().map(this::ref).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserRef> backupOn(String username, LocalDate day) {
        List<String> backups = jdbc.queryForList("""
                select b.username from user_delegation d join app_user u on u.id = d.user_id
                  join app_user b on b.id = d.backup_id
                 where u.username = ? and ? between d.starts_on and d.ends_on and b.enabled
                 order by d.id desc limit 1""", String.class, username, java.sql.Date.valueOf(day));
        return backups.stream().findFirst().flatMap(this::find);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserRef> backedUpBy(String backupUsername, LocalDate day) {
        return jdbc.queryForList("""
                select u.username from user_delegation d join app_user u on u.id = d.user_id
                  join app_user b on b.id = d.backup_id
                 where b.username = ? and ? between d.starts_on and d.ends_on and b.enabled
                 order by u.username""", String.class, backupUsername, java.sql.Date.valueOf(day))
                .stream().filter(u -> backupOn(u, day).map(b -> b.username().equals(backupUsername)).orElse(false))
                .map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * The widest scope any of the user's roles gives: company-wide for the marketing-centre departments, agents,
     * leaders and a company-level monopoly office; the county for county heads and county monopoly officers; the
     * managers under them for market managers; their own customers for customer managers; nothing for admins.
     * Read from the {@link ScopeCache} (no transaction when it answers): every search asks.
     */
    @Override
    public DataScope scopeOf(CurrentUser user) {
        return scopes.get(user, () -> readOnly.execute(status -> widestScope(user)));
    }

    private DataScope widestScope(CurrentUser user) {
        DataScope widest = DataScope.none();
        for (Role role : user.roles()) {
            DataScope s = scopeFor(role, user);
            if (s.kind().ordinal() > widest.kind().ordinal()) {
                widest = s;
            }
        }
        return widest;
    }

    private DataScope scopeFor(Role role, CurrentUser user) {
        return switch (role) {
            case MARKET_DEPT, DISTRIBUTION_DEPT, SALES_DEPT, SERVICE_AGENT, SERVICE_HEAD, MARKETING_DEPUTY, LEADER -> DataScope.company();
            case MONOPOLY_OFFICER -> org.countyOf(user.orgUnitId()).map(this::county).orElse(DataScope.company());
            case COUNTY_HEAD -> org.countyOf(user.orgUnitId()).map(this::county)
                    .orElse(new DataScope(Kind.COUNTY, Set.of(), org.subtreeIds(user.orgUnitId())));
            case MARKET_MANAGER -> {
                Set<String> team = new HashSet<>();
                team.add(user.username());
                reportsOf(user.username()).forEach(r -> team.add(r.username()));
                yield new DataScope(Kind.TEAM, Set.copyOf(team), Set.of());
            }
            case CUSTOMER_MANAGER -> new DataScope(Kind.OWN, Set.of(user.username()), Set.of());
            case SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> DataScope.none();
        };
    }

    private DataScope county(OrgUnitRef county) {
        return new DataScope(Kind.COUNTY, Set.of(), org.subtreeIds(county.id()));
    }

    private UserRef ref(UserAccount u) {
        String supervisor = u.getSupervisorId() == null ? null
                : users.findById(u.getSupervisorId()).map(UserAccount::getUsername).orElse(null);
        return new UserRef(u.getId(), u.getUsername(), u.getDisplayName(), u.getOrgUnitId(), supervisor, u.getRoles(),
                u.isEnabled());
    }
}
