package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo users are a usable organisation: every role present, and the reporting line the workflows expect. */
class DemoUsersTest {

    private final Map<String, DemoUsers.Person> byName = DemoUsers.PEOPLE.stream()
            .collect(Collectors.toMap(DemoUsers.Person::username, Function.identity()));

    @Test
    void everyRoleHasAtLeastOneDemoUser() {
        Set<Role> covered = EnumSet.noneOf(Role.class);
        DemoUsers.PEOPLE.forEach(p -> covered.addAll(p.roles()));
        assertThat(covered).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void customerManagersReportToMarketManagersWhoReportToTheirCountyHead() {
        DemoUsers.PEOPLE.stream().filter(p -> p.roles().contains(Role.CUSTOMER_MANAGER)).forEach(cm -> {
            DemoUsers.Person mm = byName.get(cm.supervisor());
            assertThat(mm).as("supervisor of %s", cm.username()).isNotNull();
            assertThat(mm.roles()).contains(Role.MARKET_MANAGER);
            assertThat(mm.orgUnit()).as("%s sits in the area of %s", cm.username(), mm.username()).isEqualTo(cm.orgUnit());
            DemoUsers.Person head = byName.get(mm.supervisor());
            assertThat(head.roles()).contains(Role.COUNTY_HEAD);
            assertThat(mm.orgUnit()).startsWith(head.orgUnit() + "-");
        });
    }

    @Test
    void supervisorsAreCreatedBeforeTheirReportsAndAdminRolesStandAlone() {
        var seen = new java.util.HashSet<String>();
        for (DemoUsers.Person p : DemoUsers.PEOPLE) {
            if (p.supervisor() != null) {
                assertThat(seen).as("supervisor of %s created first", p.username()).contains(p.supervisor());
            }
            assertThat(RoleAssignmentRules.violation("demo-seed", p.username(), p.roles())).isEmpty();
            seen.add(p.username());
        }
    }

    @Test
    void theDemoPasswordMeetsTheDefaultPolicy() {
        assertThat(SecurityPolicy.characterClasses(DemoUsers.PASSWORD)).isGreaterThanOrEqualTo(3);
        assertThat(DemoUsers.PASSWORD).hasSizeGreaterThanOrEqualTo(10);
    }
}
