package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.support.FoundationApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The data scope of each role, and its SQL predicate filtering real rows in PostgreSQL (issue 3, point 6). */
class DataScopeApiTest extends FoundationApiTest {

    @Autowired
    UserDirectory directory;

    @Autowired
    OrgDirectory org;

    private String scopeKind(String token) {
        var me = http.get("/api/v1/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        return me.json().get("scope").asString();
    }

    private DataScope scopeOf(String username) {
        var u = directory.find(username).orElseThrow();
        return directory.scopeOf(new CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roles(), false));
    }

    private long unitId(String code) {
        return org.findByCode(code).orElseThrow().id();
    }

    @ParameterizedTest(name = "{0} in a {1} sees {2}")
    @CsvSource({
            "CUSTOMER_MANAGER, COUNTY, OWN",
            "MARKET_MANAGER, COUNTY, TEAM",
            "COUNTY_HEAD, COUNTY, COUNTY",
            "COUNTY_HEAD, AREA, COUNTY",
            "MONOPOLY_OFFICER, COUNTY, COUNTY",
            "MONOPOLY_OFFICER, COMPANY, COMPANY",
            "MARKET_DEPT, COMPANY, COMPANY",
            "DISTRIBUTION_DEPT, COMPANY, COMPANY",
            "SALES_DEPT, COMPANY, COMPANY",
            "SERVICE_AGENT, COMPANY, COMPANY",
            "LEADER, COMPANY, COMPANY",
            "SYSTEM_ADMIN, COMPANY, NONE",
            "SECURITY_ADMIN, COMPANY, NONE",
            "AUDIT_ADMIN, COMPANY, NONE"})
    void eachRoleHasItsScope(String role, String unitType, String expected) {
        String unit = switch (unitType) {
            case "COMPANY" -> rootOrgCode();
            case "COUNTY" -> orgUnit("COUNTY", rootOrgCode(), "范围县");
            default -> orgUnit("AREA", orgUnit("COUNTY", rootOrgCode(), "范围县"), "片区");
        };
        String token = userWithRoles("sc" + unique(), unit, null, List.of(role));
        assertThat(scopeKind(token)).isEqualTo(expected);
    }

    @Test
    void theBootstrapAdminsSeeNoCustomers() {
        for (String admin : List.of("sysadmin", "secadmin", "auditadmin")) {
            assertThat(scopeKind(adminToken(admin))).as(admin).isEqualTo("NONE");
        }
    }

    @Test
    void theWidestOfSeveralRolesWins() {
        String county = orgUnit("COUNTY", rootOrgCode(), "多角色县");
        assertThat(scopeKind(userWithRoles("w1" + unique(), county, null, List.of("CUSTOMER_MANAGER", "COUNTY_HEAD"))))
                .isEqualTo("COUNTY");
        assertThat(scopeKind(userWithRoles("w2" + unique(), county, null, List.of("CUSTOMER_MANAGER", "MARKET_MANAGER"))))
                .isEqualTo("TEAM");
        assertThat(scopeKind(userWithRoles("w3" + unique(), county, null, List.of("COUNTY_HEAD", "LEADER"))))
                .isEqualTo("COMPANY");
    }

    /** A county with an area, a reporting line mm ← cm1 ← cm2, and a manager elsewhere. */
    private record Organisation(String county, String area, String otherCounty, String mm, String cm1, String cm2,
                                String outsider, String head) {
    }

    private Organisation organisation() {
        String county = orgUnit("COUNTY", rootOrgCode(), "甲县");
        String area = orgUnit("AREA", county, "甲县一片");
        String otherCounty = orgUnit("COUNTY", rootOrgCode(), "乙县");
        String s = unique();
        String mm = "mm" + s;
        String cm1 = "cma" + s;
        String cm2 = "cmb" + s;
        String outsider = "cmx" + s;
        String head = "hd" + s;
        userWithRoles(mm, county, null, List.of("MARKET_MANAGER"));
        userWithRoles(cm1, county, mm, List.of("CUSTOMER_MANAGER"));
        userWithRoles(cm2, area, cm1, List.of("CUSTOMER_MANAGER"));
        userWithRoles(outsider, otherCounty, null, List.of("CUSTOMER_MANAGER"));
        userWithRoles(head, area, null, List.of("COUNTY_HEAD"));
        return new Organisation(county, area, otherCounty, mm, cm1, cm2, outsider, head);
    }

    @Test
    void scopesHoldTheRightManagersAndUnits() {
        Organisation o = organisation();
        assertThat(scopeOf(o.cm1()).managers()).containsExactly(o.cm1());
        assertThat(scopeOf(o.mm()).managers()).containsExactlyInAnyOrder(o.mm(), o.cm1(), o.cm2());
        var head = scopeOf(o.head());
        assertThat(head.kind()).isEqualTo(DataScope.Kind.COUNTY);
        assertThat(head.orgUnitIds()).containsExactlyInAnyOrder(unitId(o.county()), unitId(o.area()));
    }

    @Test
    void thePredicateFiltersRowsInPostgres() {
        Organisation o = organisation();
        long county = unitId(o.county());
        long area = unitId(o.area());
        long other = unitId(o.otherCounty());
        String rows = "(values ('c1', '" + o.cm1() + "', " + county + "::bigint), ('c2', '" + o.cm2() + "', " + area
                + "), ('c3', '" + o.mm() + "', " + county + "), ('c4', '" + o.outsider() + "', " + other
                + "), ('c5', null, " + area + "), ('c6', null, null)) as c(code, manager, unit)";

        assertThat(visible(scopeOf(o.cm1()), rows)).containsExactly("c1");
        assertThat(visible(scopeOf(o.mm()), rows)).containsExactly("c1", "c2", "c3");
        assertThat(visible(scopeOf(o.head()), rows)).containsExactly("c1", "c2", "c3", "c5");
        assertThat(visible(scopeOf(o.outsider()), rows)).containsExactly("c4");
        assertThat(visible(DataScope.company(), rows)).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
        assertThat(visible(scopeOf("sysadmin"), rows)).isEmpty();
    }

    private List<String> visible(DataScope scope, String rows) {
        var predicate = scope.toSql("c.manager", "c.unit");
        List<Object> args = new ArrayList<>(predicate.args());
        return jdbc.queryForList("select code from " + rows + " where " + predicate.sql() + " order by code",
                String.class, args.toArray());
    }
}
