package com.tobacco.retailcrm.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 三权分立 as rules on a role assignment. */
class RoleAssignmentRulesTest {

    @Test
    void nobodyChangesTheirOwnRoles() {
        assertThat(RoleAssignmentRules.violation("secadmin", "secadmin", Set.of(Role.LEADER))).contains("error.roles.self");
    }

    @Test
    void anAdminRoleIsNeverCombined() {
        for (Role admin : Role.ADMINS) {
            for (Role other : Role.values()) {
                if (other != admin) {
                    assertThat(RoleAssignmentRules.violation("sec", "u", EnumSet.of(admin, other)))
                            .as("%s + %s", admin, other).contains("error.roles.adminAlone");
                }
            }
            assertThat(RoleAssignmentRules.violation("sec", "u", EnumSet.of(admin))).isEmpty();
        }
    }

    @Test
    void businessRolesCombineFreely() {
        assertThat(RoleAssignmentRules.violation("sec", "u", EnumSet.complementOf(EnumSet.copyOf(Role.ADMINS)))).isEmpty();
        assertThat(RoleAssignmentRules.violation("sec", "u", EnumSet.noneOf(Role.class))).isEmpty();
    }
}
