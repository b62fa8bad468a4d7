package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Helpers for customer tests: a county with its people, and customers with unique codes and licences. */
public abstract class CustomerApiTestBase extends ApiTest {

    /** A county with a market-dept user, a market manager and a customer manager under them. */
    protected record County(String code, String marketDept, String marketManagerName, String marketManager,
                            String managerName, String manager, String marketDeptName) {

        protected County(String code, String marketDept, String marketManagerName, String marketManager,
                         String managerName, String manager) {
            this(code, marketDept, marketManagerName, marketManager, managerName, manager, null);
        }
    }

    protected County county() {
        String county = orgUnit("COUNTY", rootOrgCode(), "测试县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String mmName = "mm" + unique();
        String mm = userWithRoles(mmName, county, null, List.of("MARKET_MANAGER"));
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, mmName, List.of("CUSTOMER_MANAGER"));
        String mdName = "md" + unique();
        String md = userWithRoles(mdName, dept, null, List.of("MARKET_DEPT"));
        return new County(county, md, mmName, mm, cmName, cm, mdName);
    }

    protected Map<String, Object> minimal(String storeName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits(12));
        body.put("licenceNo", digits(12));
        body.put("storeName", storeName);
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        return body;
    }

    protected JsonNode create(County c, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("countyCode", c.code());
        var r = http.post("/api/v1/customers", c.marketDept(), body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        return r.json();
    }

    protected JsonNode createManaged(County c, String storeName, Object... more) {
        Map<String, Object> fields = minimal(storeName);
        fields.put("customerManager", c.managerName());
        fields.putAll(Http.body(more));
        return create(c, fields);
    }

    /** A page of GET /api/v1/customers with the query string, which must answer 200. */
    protected JsonNode search(String token, String query) {
        var r = http.get("/api/v1/customers?" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The search text as a query parameter. */
    protected static String q(String text) {
        return "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
