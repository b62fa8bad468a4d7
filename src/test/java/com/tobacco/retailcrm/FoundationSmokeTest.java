package com.tobacco.retailcrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoundationSmokeTest extends ApiTest {

    @Test
    void healthIsUpWithoutSignIn() {
        var r = http.get("/actuator/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void adminCreatesAUnitAndAUserWhoSignsInAndSeesTheirScope() {
        String county = orgUnit("COUNTY", rootOrgCode(), "测试县营销部");
        String token = userWithRoles("cm" + unique(), county, null, List.of("CUSTOMER_MANAGER"));
        var me = http.get("/api/v1/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("scope").asString()).isEqualTo("OWN");
        var units = http.get("/api/v1/org-units", token);
        assertThat(units.status()).isEqualTo(200);
        assertThat(units.json().get("items").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badJsonIsAProblemNamingTheField() {
        var r = http.post("/api/v1/org-units", adminToken("sysadmin"),
                Http.body("code", "X1", "name", "n", "type", "PLANET", "parentCode", rootOrgCode()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("type");
    }
}
