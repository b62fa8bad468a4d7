package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.support.FoundationApiTest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolesApiTest extends FoundationApiTest {

    @Test
    void anySignedInUserListsEveryRoleWithChineseAndEnglishNames() {
        String token = userInNewCounty("rl", "CUSTOMER_MANAGER");
        var r = http.get("/api/v1/roles", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().valueStream().map(n -> n.get("code").asString()).toList())
                .containsExactly(Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new));
        var cm = r.json().get(0);
        assertThat(cm.get("name").asString()).isEqualTo("客户经理");
        assertThat(cm.get("nameZh").asString()).isEqualTo("客户经理");
        assertThat(cm.get("nameEn").asString()).isEqualTo("Customer manager");
        assertThat(cm.get("admin").asBoolean()).isFalse();
        var audit = r.json().get(Role.AUDIT_ADMIN.ordinal());
        assertThat(audit.get("nameZh").asString()).isEqualTo("审计管理员");
        assertThat(audit.get("admin").asBoolean()).isTrue();
        r.json().valueStream().forEach(n -> assertThat(n.get("nameEn").asString()).doesNotStartWith("role."));

        var en = http.get("/api/v1/roles", token, Map.of("Accept-Language", "en"));
        assertThat(en.json().get(0).get("name").asString()).isEqualTo("Customer manager");
    }

    @Test
    void anonymousCallersMaySeeNoRoles() {
        assertThat(http.get("/api/v1/roles", null).status()).isEqualTo(401);
    }
}
