package com.tobacco.retailcrm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A county of our own for complaint tests: a head, a market manager reporting to them, a customer manager reporting to
 * the market manager, a service agent and a market-department user, and active customers of that customer manager.
 */
abstract class ComplaintTestBase extends ApiTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Usernames and tokens of the county's people. */
    record People(String county, String head, String headToken, String mm, String mmToken, String cm, String cmToken,
                  String agent, String agentToken, String md, String mdToken) {
    }

    People people() {
        String county = orgUnit("COUNTY", rootOrgCode(), "投诉县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "客服部" + unique());
        String head = "hd" + unique();
        String headToken = userWithRoles(head, county, null, List.of("COUNTY_HEAD"));
        String mm = "mm" + unique();
        String mmToken = userWithRoles(mm, county, head, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        String cmToken = userWithRoles(cm, county, mm, List.of("CUSTOMER_MANAGER"));
        String agent = "ag" + unique();
        String agentToken = userWithRoles(agent, dept, null, List.of("SERVICE_AGENT"));
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        return new People(county, head, headToken, mm, mmToken, cm, cmToken, agent, agentToken, md, mdToken);
    }

    /** An ACTIVE customer of the county's customer manager; returns its code. */
    String customer(People p, String storeName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits(12));
        body.put("licenceNo", digits(12));
        body.put("storeName", storeName);
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        body.put("customerManager", p.cm());
        body.put("countyCode", p.county());
        var r = http.post("/api/v1/customers", p.mdToken(), body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        return r.json().get("customerCode").asString();
    }

    /** A complaint body received {@code ago} before now, with the given fields on top of sensible defaults. */
    Map<String, Object> complaint(Duration ago, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactName", "王先生");
        body.put("contactPhone", "13812345678");
        body.put("channel", "PHONE");
        body.put("category", "DELIVERY");
        body.put("priority", "NORMAL");
        body.put("description", "送货延误两天，影响销售");
        body.put("receivedAt", clock.instant().minus(ago).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(ZONE).toOffsetDateTime().toString());
        body.putAll(Http.body(fields));
        return body;
    }

    JsonNode intake(String token, Map<String, Object> body) {
        var r = http.post("/api/v1/complaints", token, body);
        assertThat(r.status()).as("intake: %s", r).isEqualTo(201);
        return r.json();
    }

    JsonNode act(String token, long id, String action, Object... body) {
        var r = tryAct(token, id, action, body);
        assertThat(r.status()).as("%s: %s", action, r).isEqualTo(200);
        return r.json();
    }

    /** An action as the pages send it: with the version of the complaint the caller sees, unless the test gives one. */
    Http.Response tryAct(String token, long id, String action, Object... body) {
        var map = Http.body(body);
        if (!map.containsKey("version")) {
            var current = http.get("/api/v1/complaints/" + id, token);
            if (current.status() == 200) {
                map.put("version", current.json().get("version").asLong());
            }
        }
        return http.post("/api/v1/complaints/" + id + "/" + action, token, map);
    }
}
