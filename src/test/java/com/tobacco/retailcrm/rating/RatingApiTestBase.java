package com.tobacco.retailcrm.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Helpers for the rating module's tests: a county with the people who rate, appeal and read, and customers of its
 * customer manager with unique codes.
 */
public abstract class RatingApiTestBase extends ApiTest {

    /** Usernames of one test county's people; {@link #token} signs them in (again after the clock moved). */
    public record County(String code, String marketDept, String officer, String manager, String marketManager,
                         String agent) {
    }

    protected County county() {
        String county = orgUnit("COUNTY", rootOrgCode(), "评级县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "部门" + unique());
        String mm = "mm" + unique();
        userWithRoles(mm, county, null, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        userWithRoles(cm, county, mm, List.of("CUSTOMER_MANAGER"));
        String md = "md" + unique();
        userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        String officer = "mo" + unique();
        userWithRoles(officer, county, null, List.of("MONOPOLY_OFFICER"));
        String agent = "sa" + unique();
        userWithRoles(agent, dept, null, List.of("SERVICE_AGENT"));
        return new County(county, md, officer, cm, mm, agent);
    }

    /** A token for a user made by {@link #county()}, signed in once per test. */
    protected String token(String username) {
        return tokens.computeIfAbsent(username, this::signIn);
    }

    private final Map<String, String> tokens = new java.util.HashMap<>();

    private String signIn(String username) {
        var login = apiLogin(username, USER_PASSWORD);
        assertThat(login.status()).as("login %s: %s", username, login).isEqualTo(200);
        return login.json().get("token").asString();
    }

    /** An ACTIVE customer of the county's customer manager; returns its code. */
    protected String customer(County c, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits(12));
        body.put("licenceNo", digits(12));
        body.put("storeName", "诚信店" + unique());
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        body.put("customerManager", c.manager());
        body.put("countyCode", c.code());
        body.putAll(Http.body(more));
        var r = http.post("/api/v1/customers", token(c.marketDept()), body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        return r.json().get("customerCode").asString();
    }

    protected JsonNode archived(County c, String code) {
        return http.get("/api/v1/customers/" + code, token(c.marketDept())).json();
    }

    /** The history rows of one field, newest first. */
    protected List<JsonNode> history(County c, String code, String field) {
        var r = http.get("/api/v1/customers/" + code + "/history", token(c.marketDept()));
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> rows = new java.util.ArrayList<>();
        r.json().forEach(n -> {
            if (field.equals(n.get("field").asString())) {
                rows.add(n);
            }
        });
        return rows;
    }
}
