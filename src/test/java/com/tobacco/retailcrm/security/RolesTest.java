package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.Roles;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The access expressions written as constants name exactly the roles of their sets. */
class RolesTest {

    @Test
    void businessExpressionNamesExactlyTheNineBusinessRoles() {
        assertThat(Roles.BUSINESS).isEqualTo(Roles.anyOf(Roles.BUSINESS_ROLES));
        assertThat(Roles.BUSINESS_ROLES).hasSize(9).doesNotContainAnyElementsOf(Role.ADMINS)
                .doesNotContain(Role.SERVICE_HEAD, Role.MARKETING_DEPUTY);
    }

    @Test
    void singleRoleExpressionsNameTheirRole() {
        assertThat(Roles.SYSTEM_ADMIN).isEqualTo("hasRole('" + Role.SYSTEM_ADMIN.name() + "')");
        assertThat(Roles.SECURITY_ADMIN).isEqualTo("hasRole('" + Role.SECURITY_ADMIN.name() + "')");
        assertThat(Roles.MONOPOLY_OFFICER).isEqualTo("hasRole('" + Role.MONOPOLY_OFFICER.name() + "')");
        assertThat(Roles.MARKET_DEPT).isEqualTo("hasRole('" + Role.MARKET_DEPT.name() + "')");
    }

    @Test
    void menuNamesFollowTheEnum() {
        assertThat(Roles.names(EnumSet.of(Role.LEADER, Role.CUSTOMER_MANAGER)))
                .containsExactly("CUSTOMER_MANAGER", "LEADER");
    }
}
