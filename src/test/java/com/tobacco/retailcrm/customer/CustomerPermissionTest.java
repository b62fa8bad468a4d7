package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/domain/customer-archive.md (direct edits): who may edit which field directly, all-or-nothing, no lost update, history of every change. */
class CustomerPermissionTest extends CustomerApiTestBase {

    private static final Set<String> CUSTOMER_MANAGER = Set.of("contactPerson", "mobilePhone", "homeAddress",
            "mailingAddress", "openingHours", "brandCount", "displayForm", "counterCount", "hasCashRegister",
            "terminalType", "consumerGroup", "tobaccoShare", "storefrontPhoto", "counterPhoto");
    private static final Set<String> DISTRIBUTION = Set.of("longitude", "latitude", "deliveryRoute", "deliverySequence",
            "deliveryStaff");
    private static final Set<String> SALES = Set.of("orderBatch", "orderDay", "visitBatch", "totalLimit",
            "monthlyAgreedQty", "quotaCategory");
    private static final Set<String> MONOPOLY = Set.of("storeName", "responsiblePerson", "licenceNo", "licenceIssueDate",
            "licenceExpiryDate", "licenceIssuingBureau", "monitored", "markedPrices"); // markedPrices: docs/domain/service-and-survey.md, emergency supply

    /** A new value for every non-SYSTEM field of the default dictionary (status aside: it needs a reason). */
    private Map<String, Object> everyField(County c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customerCode", digits(14));
        v.put("licenceNo", digits(12));
        v.put("storeName", "改名超市");
        v.put("responsiblePerson", "李四");
        v.put("idCardNo", "11010519491231002X");
        v.put("creditCode", "91350100M000100Y43");
        v.put("licenceIssueDate", "2024-01-01");
        v.put("licenceExpiryDate", "2029-01-01");
        v.put("licenceIssuingBureau", "西湖区烟草专卖局");
        v.put("address", "杭州市西湖区文三路1号");
        v.put("adminRegion", "330106");
        v.put("marketType", "2");
        v.put("retailFormat", "3");
        v.put("businessNature", "ENTERPRISE");
        v.put("businessScope", "卷烟零售");
        v.put("businessArea", new BigDecimal("45.5"));
        v.put("registeredCapital", 10);
        v.put("contactPerson", "王五");
        v.put("orderPhone", "0571-87654321");
        v.put("mobilePhone", "13912345678");
        v.put("homeAddress", "杭州市西湖区某小区2幢");
        v.put("mailingAddress", "杭州市西湖区文三路1号");
        v.put("bankName", "中国农业银行");
        v.put("bankAccount", "6228480012345678901");
        v.put("taxpayerNo", "330106123456789");
        v.put("taxType", "SMALL");
        v.put("settlementMethod", "CASH");
        v.put("orderMethod", "PHONE");
        v.put("longitude", new BigDecimal("120.123456"));
        v.put("latitude", new BigDecimal("30.2"));
        v.put("openingHours", "08:00-22:00");
        v.put("customerManager", c.managerName());
        v.put("orderFrequency", "BIWEEKLY");
        v.put("orderBatch", "B2");
        v.put("orderDay", "TUE");
        v.put("deliveryRoute", "R07");
        v.put("deliverySequence", 3);
        v.put("deliveryStaff", "赵六");
        v.put("visitBatch", "V1");
        v.put("brandCount", 40);
        v.put("displayForm", "BOTH");
        v.put("counterCount", 2);
        v.put("hasCashRegister", true);
        v.put("terminalType", "MODERN");
        v.put("consumerGroup", "上班族");
        v.put("tobaccoShare", 30);
        v.put("monitored", true);
        v.put("demonstration", true);
        v.put("monopolyOfficer", "钱七");
        v.put("phoneOrderClerk", "孙八");
        v.put("quotaCategory", "Q2");
        v.put("monthlyAgreedQty", 50);
        v.put("totalLimit", 20);
        v.put("annualReviewDate", "2027-03-01");
        v.put("vulnerableGroup", true);
        v.put("groupCustomer", true);
        v.put("visitCycle", "MONTHLY");
        v.put("vulnerableKind", "ELDERLY_ALONE");
        v.put("birthday", "02-29");
        v.put("openedOn", "2015-06-01");
        v.put("markedPrices", true);
        v.put("storefrontPhoto", "ab12cd34.jpg");
        v.put("counterPhoto", "ef56ab78.png");
        return v;
    }

    private Set<String> refusedFields(String token, String code, Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>(changes);
        body.put("version", 0);
        var r = http.patch("/api/v1/customers/" + code, token, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        Set<String> refused = new HashSet<>(r.json().get("errors").findValuesAsString("field"));
        assertThat(http.get("/api/v1/customers/" + code, token).json().get("version").asLong()).as("nothing applied")
                .isZero();
        return refused;
    }

    @Test
    void eachRoleIsRefusedExactlyTheFieldsOutsideItsDirectEditSet() {
        County c = county();
        String code = createManaged(c, "权限测试店").get("customerCode").asString();
        Map<String, Object> all = everyField(c);
        all.remove("customerManager"); // unchanged: it is the manager already
        Map<String, Set<String>> allowed = Map.of(
                c.manager(), CUSTOMER_MANAGER,
                userWithRoles("dd" + unique(), c.code(), null, List.of("DISTRIBUTION_DEPT")), DISTRIBUTION,
                userWithRoles("sd" + unique(), c.code(), null, List.of("SALES_DEPT")), SALES,
                userWithRoles("mo" + unique(), c.code(), null, List.of("MONOPOLY_OFFICER")), MONOPOLY,
                c.marketManager(), Set.of());
        allowed.forEach((token, set) -> {
            Set<String> expected = new HashSet<>(all.keySet());
            expected.removeAll(set);
            assertThat(refusedFields(token, code, all)).isEqualTo(expected);
        });
    }

    @Test
    void editPermissionTableIsDataMatchingTheDomainDefaults() {
        County c = county();
        JsonNode table = http.get("/api/v1/customer-fields/edit-permissions", c.marketDept()).json();
        assertThat(names(table.get("CUSTOMER_MANAGER"))).isEqualTo(CUSTOMER_MANAGER);
        assertThat(names(table.get("DISTRIBUTION_DEPT"))).isEqualTo(DISTRIBUTION);
        assertThat(names(table.get("SALES_DEPT"))).isEqualTo(SALES);
        assertThat(names(table.get("MONOPOLY_OFFICER"))).isEqualTo(MONOPOLY);
        assertThat(names(table.get("MARKET_DEPT"))).containsExactly("*");
    }

    private static Set<String> names(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(n -> s.add(n.asString()));
        return s;
    }

    @Test
    void marketDeptEditsEveryNonSystemFieldAndEachChangeIsInHistory() {
        County c = county();
        String code = createManaged(c, "全字段店").get("customerCode").asString();
        Map<String, Object> all = everyField(c);
        all.remove("customerCode");
        all.remove("customerManager");
        Map<String, Object> body = new LinkedHashMap<>(all);
        body.put("version", 0);
        var r = http.patch("/api/v1/customers/" + code, c.marketDept(), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("version").asLong()).isEqualTo(1);
        var history = http.get("/api/v1/customers/" + code + "/history", c.marketDept()).json();
        Set<String> patched = new HashSet<>();
        for (int i = 0; i < all.size(); i++) { // newest first: the patch's rows precede the creation's
            assertThat(history.get(i).get("source").asString()).isEqualTo("DIRECT");
            patched.add(history.get(i).get("field").asString());
        }
        assertThat(patched).isEqualTo(all.keySet());
        assertThat(history.get(all.size()).get("oldValue").isNull()).as("next row is from the creation").isTrue();
        assertThat(http.patch("/api/v1/customers/" + code, c.marketDept(), Map.of("version", 1, "tier", 2)).status())
                .as("SYSTEM field").isEqualTo(400);
    }

    @Test
    void twoConcurrentEditsOfOneVersionGiveOne409AndNoLostUpdate() throws Exception {
        County c = county();
        String code = createManaged(c, "并发测试店").get("customerCode").asString();
        CyclicBarrier start = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> edit(start, c.manager(), code, "张甲"));
        var second = CompletableFuture.supplyAsync(() -> edit(start, c.marketDept(), code, "张乙"));
        List<Integer> statuses = List.of(first.get(), second.get());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String winner = statuses.get(0) == 200 ? "张甲" : "张乙";
        JsonNode now = http.get("/api/v1/customers/" + code, c.marketDept()).json();
        assertThat(now.get("contactPerson").asString()).isEqualTo(winner);
        assertThat(now.get("version").asLong()).isEqualTo(1);
        var history = http.get("/api/v1/customers/" + code + "/history", c.marketDept()).json();
        assertThat(history.findValuesAsString("field").stream().filter("contactPerson"::equals)).hasSize(1);
    }

    private int edit(CyclicBarrier start, String token, String code, String contact) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return http.patch("/api/v1/customers/" + code, token, Map.of("version", 0, "contactPerson", contact)).status();
    }

    @Test
    void staleVersionIs409AndIfMatchAndMergePatchWork() {
        County c = county();
        String code = createManaged(c, "版本测试店").get("customerCode").asString();
        assertThat(http.patch("/api/v1/customers/" + code, c.manager(), Map.of("version", 0, "openingHours", "9-21"))
                .status()).isEqualTo(200);
        assertThat(http.patch("/api/v1/customers/" + code, c.manager(), Map.of("version", 0, "openingHours", "9-22"))
                .status()).isEqualTo(409);
        assertThat(http.patch("/api/v1/customers/" + code, c.manager(), Map.of("openingHours", "9-22")).status())
                .as("no version").isEqualTo(400);
        var merge = http.raw("PATCH", "/api/v1/customers/" + code, c.manager(), "{\"openingHours\":null}",
                Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));
        assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
        assertThat(merge.json().has("openingHours")).as("null clears the field").isFalse();
    }

    /** The customer API reads the sent version as every other module does (shared.api.SentVersion), and requires it. */
    @Test
    void theVersionIsReadAsEveryModuleReadsItAndIsRequired() {
        County c = county();
        String path = "/api/v1/customers/" + createManaged(c, "版本读法店").get("customerCode").asString();
        var weak = http.raw("PATCH", path, c.manager(), "{\"openingHours\":\"8-20\"}",
                Map.of("Content-Type", "application/merge-patch+json", "If-Match", "W/\"0\""));
        assertThat(weak.status()).as("a weak If-Match, as proxies send it: " + weak).isEqualTo(200);
        for (Object bad : new Object[] {"1", 1.5, -1}) {
            var refused = http.patch(path, c.manager(), Map.of("version", bad, "openingHours", "8-21"));
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        }
        var missing = http.patch(path, c.manager(), Map.of("openingHours", "8-21"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        var malformedHeader = http.raw("PATCH", path, c.manager(), "{\"openingHours\":\"8-21\"}",
                Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"x\""));
        assertThat(malformedHeader.status()).isEqualTo(400);
        assertThat(malformedHeader.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(http.get(path, c.manager()).json().get("version").asLong()).as("only the weak one applied").isEqualTo(1);
    }

    @Test
    void statusTransitionsNeedAReasonAndCancelledIsReadOnly() {
        County c = county();
        String code = createManaged(c, "状态测试店").get("customerCode").asString();
        String path = "/api/v1/customers/" + code;
        assertThat(http.patch(path, c.marketDept(), Map.of("version", 0, "status", "SUSPENDED")).status()).isEqualTo(422);
        assertThat(http.patch(path, c.marketDept(), Map.of("version", 0, "status", "PENDING", "statusReason", "x"))
                .status()).isEqualTo(422);
        assertThat(http.patch(path, c.marketDept(), Map.of("version", 0, "status", "SUSPENDED", "statusReason", "装修"))
                .status()).isEqualTo(200);
        assertThat(http.patch(path, c.marketDept(), Map.of("version", 1, "status", "CANCELLED", "statusReason", "停业注销"))
                .status()).isEqualTo(200);
        var refused = http.patch(path, c.marketDept(), Map.of("version", 2, "contactPerson", "某人"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("注销");
        var history = http.get(path + "/history", c.marketDept()).json();
        assertThat(history.get(0).get("newValue").asString()).isEqualTo("CANCELLED");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("停业注销");
    }

    @Test
    void historyCannotBeChangedInTheDatabase() {
        County c = county();
        String code = createManaged(c, "台账测试店").get("customerCode").asString();
        Long id = jdbc.queryForObject("select max(id) from customer_history where customer_code = ?", Long.class, code);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.update("update customer_history set new_value = 'x' where id = ?", id)).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.update("delete from customer_history where id = ?", id)).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("""
                insert into customer_history (customer_id, customer_code, field, new_value, changed_by, changed_at, source)
                values (-1, 'none', 'storeName', 'x', 'test', now(), 'DIRECT')""")).rootCause()
                .hasMessageContaining("customer that does not exist");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.update("delete from customer where customer_code = ?", code)).rootCause().hasMessageContaining("append-only");
    }
}
