package com.tobacco.retailcrm.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.domain.FieldDictionary;
import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Helpers for classification tests. Runs rank every ACTIVE customer of a format across the whole archive, and the
 * test database is shared by all test classes, so each test ranks customers of a retail format of its own (an extra
 * code of the configurable 零售业态 list) and reads only its own format's results.
 */
abstract class ClassificationTestBase extends ApiTest {

    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    private FieldDictionary dictionary;

    /** A county with a market-department user and a distribution-department user (tokens). */
    protected record County(String code, String marketDept, String distribution) {
    }

    protected County county() {
        String county = orgUnit("COUNTY", rootOrgCode(), "分类县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "部门" + unique());
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        String dd = userWithRoles("dd" + unique(), dept, null, List.of("DISTRIBUTION_DEPT"));
        return new County(county, md, dd);
    }

    /** A new retail-format code (a deployment may configure more formats), so a test ranks only its own customers. */
    protected String newFormat() {
        String code = "T" + unique();
        jdbc.update("insert into customer_field_option (field_key, code, label_zh, label_en, sort_order) "
                + "values ('retailFormat', ?, ?, ?, 900)", code, "测试业态" + code, "Test format " + code);
        dictionary.reload();
        return code;
    }

    protected String customer(County c, String format, String marketType) {
        return customer(c, format, marketType, "ACTIVE");
    }

    protected String customer(County c, String format, String marketType, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        String code = digits(12);
        body.put("customerCode", code);
        body.put("licenceNo", digits(12));
        body.put("storeName", "分类测试店" + unique());
        body.put("retailFormat", format);
        body.put("marketType", marketType);
        body.put("countyCode", c.code());
        var r = http.post("/api/v1/customers", c.marketDept(), body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        if (!"ACTIVE".equals(status)) {
            long version = r.json().get("version").asLong();
            var p = http.patch("/api/v1/customers/" + code, c.marketDept(),
                    Http.body("status", status, "version", version, "statusReason", "测试停业"));
            assertThat(p.status()).as("status change: %s", p).isEqualTo(200);
        }
        return code;
    }

    protected static Map<String, Object> order(String customerCode, LocalDate date, Object qty, Object amount) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("orderNo", "PO-" + unique());
        o.put("customerCode", customerCode);
        o.put("orderDate", date.toString());
        o.put("qty", qty);
        o.put("amount", amount);
        return o;
    }

    protected JsonNode send(String token, List<Map<String, Object>> orders) {
        var r = http.post("/api/v1/purchases", token, orders);
        assertThat(r.status()).as("purchases: %s", r).isEqualTo(200);
        return r.json();
    }

    /** Purchases of each customer in the month: qty and amount as decimal strings, one order each. */
    protected void buy(County c, YearMonth month, Map<String, String[]> qtyAndAmount) {
        List<Map<String, Object>> orders = new ArrayList<>();
        qtyAndAmount.forEach((code, qa) -> orders.add(order(code, month.atDay(5), new BigDecimal(qa[0]),
                new BigDecimal(qa[1]))));
        JsonNode r = send(c.distribution(), orders);
        assertThat(r.get("rejected").asInt()).as("rejected: %s", r).isZero();
    }

    protected static YearMonth lastMonth() {
        return YearMonth.now(ZONE).minusMonths(1);
    }
}
