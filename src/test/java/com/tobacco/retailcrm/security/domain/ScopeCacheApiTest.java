package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Data scopes are served from each node's cache (a market manager's search reads no reporting lines, a county head's
 * no tree), and every change of a reporting line or of the tree reaches the cache at once: on this node, and on a
 * second node sharing the database (a second cache, listener and directory on the same PostgreSQL).
 */
class ScopeCacheApiTest extends FoundationApiTest {

    @Autowired
    UserDirectory directory;
    @Autowired
    ScopeCache cache;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserAccountRepository users;
    @Autowired
    OrgDirectory org;
    @Autowired
    PlatformTransactionManager transactions;

    private ScopeCache otherCache;
    private AuthChangeListener otherListener;
    private UserDirectory otherNode;

    @BeforeEach
    void secondNode() throws InterruptedException {
        otherCache = new ScopeCache(Duration.ofMinutes(1), 1000);
        otherListener = new AuthChangeListener(dataSource, new TokenCache(Duration.ofMinutes(1), 1000), otherCache);
        otherListener.start();
        otherNode = new UserDirectoryService(users, org, jdbc, otherCache, transactions);
        for (int i = 0; i < 100 && !(otherCache.enabled() && cache.enabled()); i++) {
            Thread.sleep(50);
        }
        assertThat(otherCache.enabled() && cache.enabled()).as("both nodes listen for changes").isTrue();
    }

    @AfterEach
    void stopSecondNode() {
        otherListener.stop();
    }

    private CurrentUser user(String username) {
        var u = directory.find(username).orElseThrow();
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roles(), false);
    }

    private String county() {
        return orgUnit("COUNTY", rootOrgCode(), "范围县");
    }

    /** A market manager with one customer manager reporting to them; returns the market manager's username. */
    private String team(String county) {
        String manager = "mm" + unique();
        userWithRoles(manager, county, null, List.of("MARKET_MANAGER"));
        userWithRoles("cm" + unique(), county, manager, List.of("CUSTOMER_MANAGER"));
        return manager;
    }

    @Test
    void aTeamScopeSeenOnceIsServedFromTheCacheWithoutReadingTheReportingLines() throws Exception {
        String county = county();
        String manager = team(county);
        CurrentUser mm = user(manager);
        DataScope before = directory.scopeOf(mm);
        assertThat(before.kind()).isEqualTo(DataScope.Kind.TEAM);
        assertThat(before.managers()).hasSize(2);
        String unheard = "cm" + unique();
        createUser(unheard, county, manager);
        // a report added as a DBA's INSERT with the triggers off would reach no node: the cache still answers
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.executeUpdate("update app_user set supervisor_id = null where username = '" + unheard + "'");
            st.execute("set session_replication_role = origin");
        }
        DataScope cached = directory.scopeOf(mm);
        assertThat(directory.scopeOf(mm)).isSameAs(cached);
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.executeUpdate("update app_user set supervisor_id = (select id from app_user where username = '" + manager
                    + "') where username = '" + unheard + "'");
            st.execute("set session_replication_role = origin");
        }
        assertThat(directory.scopeOf(mm).managers()).as("served from the cache").doesNotContain(unheard);
        jdbc.queryForList("select pg_notify('crm_auth', 'org')");
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!directory.scopeOf(mm).managers().contains(unheard) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(directory.scopeOf(mm).managers()).as("the notification evicted it").contains(unheard);
    }

    @Test
    void aNewReportJoinsTheTeamOnEveryNodeAtOnce() {
        String county = county();
        String manager = team(county);
        CurrentUser mm = user(manager);
        assertThat(directory.scopeOf(mm).managers()).hasSize(2);
        assertThat(otherNode.scopeOf(mm).managers()).hasSize(2);
        String added = "cm" + unique();
        createUser(added, county, manager);
        assertThat(directory.scopeOf(mm).managers()).contains(added);
        assertThat(otherNode.scopeOf(mm).managers()).as("on the other node right after the answer").contains(added);
    }

    @Test
    void aChangedSupervisorMovesTheReportBetweenTeamsOnEveryNodeAtOnce() {
        String county = county();
        String first = team(county);
        String second = team(county);
        CurrentUser a = user(first);
        CurrentUser b = user(second);
        String moved = directory.scopeOf(a).managers().stream().filter(m -> !m.equals(first)).findFirst().orElseThrow();
        assertThat(otherNode.scopeOf(a).managers()).contains(moved);
        assertThat(otherNode.scopeOf(b).managers()).doesNotContain(moved);
        String sys = adminToken("sysadmin");
        long version = http.get("/api/v1/users/" + moved, sys).json().get("version").asLong();
        assertThat(http.patch("/api/v1/users/" + moved, sys, Http.body("supervisor", second, "version", version))
                .status()).isEqualTo(200);
        assertThat(directory.scopeOf(a).managers()).doesNotContain(moved);
        assertThat(directory.scopeOf(b).managers()).contains(moved);
        assertThat(otherNode.scopeOf(a).managers()).doesNotContain(moved);
        assertThat(otherNode.scopeOf(b).managers()).contains(moved);
    }

    @Test
    void aNewUnitInACountyJoinsTheCountyHeadsScopeOnEveryNodeAtOnce() {
        String county = county();
        String head = "ch" + unique();
        userWithRoles(head, county, null, List.of("COUNTY_HEAD"));
        CurrentUser ch = user(head);
        assertThat(directory.scopeOf(ch).orgUnitIds()).hasSize(1);
        assertThat(otherNode.scopeOf(ch).orgUnitIds()).hasSize(1);
        String area = orgUnit("AREA", county, "新片区");
        long areaId = org.findByCode(area).orElseThrow().id();
        assertThat(directory.scopeOf(ch).orgUnitIds()).contains(areaId);
        assertThat(otherNode.scopeOf(ch).orgUnitIds()).as("on the other node right after the answer").contains(areaId);
    }
}
