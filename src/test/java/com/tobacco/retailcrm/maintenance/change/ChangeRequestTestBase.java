package com.tobacco.retailcrm.maintenance.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** People and customers for change-request tests: two counties with head, market manager and customer manager. */
abstract class ChangeRequestTestBase extends ApiTest {

    /** A county with its head, a market manager and a customer manager reporting to them. */
    record County(String code, String head, String mmName, String mm, String cmName, String cm) {
    }

    /** The company departments every test may use (created per test, names unique). */
    record Depts(String md, String mdName, String mdHeadName, String mdHead, String sales, String distribution) {
    }

    County county() {
        String code = orgUnit("COUNTY", rootOrgCode(), "修改县" + unique());
        String head = userWithRoles("ch" + unique(), code, null, List.of("COUNTY_HEAD"));
        String mmName = "mm" + unique();
        String mm = userWithRoles(mmName, code, null, List.of("MARKET_MANAGER"));
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, code, mmName, List.of("CUSTOMER_MANAGER"));
        return new County(code, head, mmName, mm, cmName, cm);
    }

    Depts depts() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String headName = "mdh" + unique();
        String mdHead = userWithRoles(headName, dept, null, List.of("MARKET_DEPT"));
        String mdName = "md" + unique();
        String md = userWithRoles(mdName, dept, headName, List.of("MARKET_DEPT"));
        String sales = userWithRoles("sd" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "销售部" + unique()), null,
                List.of("SALES_DEPT"));
        String dist = userWithRoles("dd" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "配送部" + unique()), null,
                List.of("DISTRIBUTION_DEPT"));
        return new Depts(md, mdName, headName, mdHead, sales, dist);
    }

    /** A customer of the county's customer manager; returns its code. */
    String customer(County c, String md, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits(12));
        body.put("licenceNo", digits(12));
        body.put("storeName", "修改测试店" + unique());
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        body.put("address", "人民路1号");
        body.put("orderPhone", "13800001111");
        body.put("customerManager", c.cmName());
        body.put("countyCode", c.code());
        body.putAll(Http.body(more));
        var r = http.post("/api/v1/customers", md, body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        return r.json().get("customerCode").asString();
    }

    Http.Response raise(String token, String code, String type, String reason, Object... changes) {
        return http.post("/api/v1/change-requests", token, Http.body("customerCode", code, "type", type,
                "changes", Http.body(changes), "reason", reason));
    }

    JsonNode raised(String token, String code, String type, Object... changes) {
        var r = raise(token, code, type, "客户申请", changes);
        assertThat(r.status()).as("raise: %s", r).isEqualTo(201);
        return r.json();
    }

    Http.Response act(String token, long id, String action, String comment) {
        return http.post("/api/v1/change-requests/" + id + "/complete", token, Http.body("action", action, "comment", comment));
    }

    JsonNode done(String token, long id, String action, String comment) {
        var r = act(token, id, action, comment);
        assertThat(r.status()).as("complete: %s", r).isEqualTo(200);
        return r.json();
    }

    JsonNode current(JsonNode request) {
        assertThat(request.get("currentSteps").size()).as("open steps of %s", request).isEqualTo(1);
        return request.get("currentSteps").get(0);
    }

    JsonNode customerJson(String token, String code) {
        var r = http.get("/api/v1/customers/" + code, token);
        assertThat(r.status()).as("customer: %s", r).isEqualTo(200);
        return r.json();
    }

    /** The history rows of a field, newest first. */
    List<JsonNode> history(String token, String code, String field) {
        var r = http.get("/api/v1/customers/" + code + "/history", token);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> rows = new java.util.ArrayList<>();
        r.json().forEach(h -> {
            if (h.get("field").asString().equals(field)) {
                rows.add(h);
            }
        });
        return rows;
    }

    /** A multipart upload of a CSV file with a reason. */
    Http.Response upload(String token, String fileName, String csv, String reason) {
        String boundary = "----crm" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\n" + reason + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return http.postRaw("/api/v1/change-requests/bulk", token, body,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
