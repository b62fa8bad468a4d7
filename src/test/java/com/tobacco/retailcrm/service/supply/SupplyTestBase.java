package com.tobacco.retailcrm.service.supply;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A county of our own for emergency-supply tests: a market manager with a customer manager under them, a monopoly
 * officer, and company people — the service head, the marketing deputy, the sales and market departments.
 */
abstract class SupplyTestBase extends ApiTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record People(String county, String mm, String mmToken, String cm, String cmToken, String officer,
                  String officerToken, String head, String headToken, String deputy, String deputyToken,
                  String sales, String salesToken, String md, String mdToken) {
    }

    People people() {
        String county = orgUnit("COUNTY", rootOrgCode(), "应急县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "营销中心" + unique());
        String mm = "mm" + unique();
        String mmToken = userWithRoles(mm, county, null, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        String cmToken = userWithRoles(cm, county, mm, List.of("CUSTOMER_MANAGER"));
        String officer = "mo" + unique();
        String officerToken = userWithRoles(officer, county, null, List.of("MONOPOLY_OFFICER"));
        String head = "sh" + unique();
        String headToken = userWithRoles(head, dept, null, List.of("SERVICE_HEAD"));
        String deputy = "dp" + unique();
        String deputyToken = userWithRoles(deputy, dept, null, List.of("MARKETING_DEPUTY"));
        String sales = "sd" + unique();
        String salesToken = userWithRoles(sales, dept, null, List.of("SALES_DEPT"));
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        return new People(county, mm, mmToken, cm, cmToken, officer, officerToken, head, headToken, deputy,
                deputyToken, sales, salesToken, md, mdToken);
    }

    /** An ACTIVE customer of the county's customer manager with marked prices kept; returns its code. */
    String customer(People p, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits(12));
        body.put("licenceNo", digits(12));
        body.put("storeName", "应急便利店" + unique());
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        body.put("customerManager", p.cm());
        body.put("countyCode", p.county());
        body.put("markedPrices", true);
        body.putAll(Http.body(fields));
        var r = http.post("/api/v1/customers", p.mdToken(), body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        return r.json().get("customerCode").asString();
    }

    /** A brand of the catalogue in the given supply class; returns its code. */
    String brand(People p, String supplyClass, String name) {
        String code = "B" + unique();
        var r = http.post("/api/v1/brands", p.salesToken(), Http.body("code", code, "name", name,
                "supplyClass", supplyClass));
        assertThat(r.status()).as("brand: %s", r).isEqualTo(201);
        return code;
    }

    Map<String, Object> request(String customerCode, boolean special, Object... brandAndQty) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < brandAndQty.length; i += 2) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("brandCode", brandAndQty[i]);
            line.put("qty", brandAndQty[i + 1]);
            lines.add(line);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", customerCode);
        body.put("reason", "WEDDING");
        body.put("eventDate", today().plusDays(3).toString());
        body.put("lines", lines);
        body.put("special", special);
        body.put("note", "婚宴用烟");
        return body;
    }

    JsonNode raise(People p, Map<String, Object> body) {
        var r = http.post("/api/v1/emergency-supply-requests", p.cmToken(), body);
        assertThat(r.status()).as("raise: %s", r).isEqualTo(201);
        return r.json();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    long count(String table, String where, Object... args) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + where, Long.class, args);
    }
}
