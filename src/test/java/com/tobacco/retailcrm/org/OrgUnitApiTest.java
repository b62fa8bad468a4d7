package com.tobacco.retailcrm.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The organisation tree's rules (issue 3, point 12). */
class OrgUnitApiTest extends FoundationApiTest {

    private Http.Response create(String type, String parentCode) {
        return http.post("/api/v1/org-units", adminToken("sysadmin"), Http.body("code", "OU" + unique(), "name", "单元",
                "type", type, "parentCode", parentCode));
    }

    private JsonNode unit(String code) {
        return http.get("/api/v1/org-units", adminToken("sysadmin")).json().get("items").valueStream()
                .filter(u -> u.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private Http.Response move(String code, String parentCode) {
        return http.patch("/api/v1/org-units/" + code, adminToken("sysadmin"),
                Http.body("parentCode", parentCode, "version", unit(code).get("version").asLong()));
    }

    private static void refused(Http.Response r, String field) {
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void thereIsOneCompanyAtTheRoot() {
        assertThat(jdbc.queryForObject("select count(*) from org_unit where parent_id is null", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select type from org_unit where parent_id is null", String.class)).isEqualTo("COMPANY");
        refused(create("COMPANY", null), "parentCode");
        refused(create("COUNTY", null), "parentCode");
        refused(create("COMPANY", rootOrgCode()), "type");
        assertThat(jdbc.queryForObject("select count(*) from org_unit where type = 'COMPANY'", Integer.class)).isEqualTo(1);
    }

    @Test
    void areasSitOnlyUnderCounties() {
        String county = orgUnit("COUNTY", rootOrgCode(), "县");
        String department = orgUnit("DEPARTMENT", rootOrgCode(), "部门");
        refused(create("AREA", rootOrgCode()), "type");
        refused(create("AREA", department), "type");
        String area = orgUnit("AREA", county, "片区");
        refused(create("AREA", area), "type");
        refused(create("COUNTY", area), "type");
        refused(create("DEPARTMENT", county), "type");
        assertThat(create("COUNTY", department).status()).isEqualTo(201);
        assertThat(unit(area).get("parentCode").asString()).isEqualTo(county);
    }

    @Test
    void anUnknownParentIsRefused() {
        refused(create("COUNTY", "NO" + unique()), "parentCode");
        String county = orgUnit("COUNTY", rootOrgCode(), "县");
        refused(move(county, "NO" + unique()), "parentCode");
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsDescendants() {
        String top = orgUnit("DEPARTMENT", rootOrgCode(), "上");
        String middle = orgUnit("DEPARTMENT", top, "中");
        String bottom = orgUnit("DEPARTMENT", middle, "下");
        refused(move(top, bottom), "parentCode");
        refused(move(top, middle), "parentCode");
        refused(move(top, top), "parentCode");
        assertThat(unit(top).get("parentCode").asString()).isEqualTo(rootOrgCode());
    }

    @Test
    void aMoveMustKeepTheTypeRules() {
        String county = orgUnit("COUNTY", rootOrgCode(), "县");
        String other = orgUnit("COUNTY", rootOrgCode(), "另一县");
        String area = orgUnit("AREA", county, "片区");
        refused(move(area, rootOrgCode()), "parentCode");
        var moved = move(area, other);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("parentCode").asString()).isEqualTo(other);
        String department = orgUnit("DEPARTMENT", rootOrgCode(), "部门");
        assertThat(move(county, department).json().get("parentCode").asString()).isEqualTo(department);
    }
}
