package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dictionary in the database is the CSV of the spec, and MARKET_DEPT can adjust it without code. */
class FieldDictionaryTest extends CustomerApiTestBase {

    private static final Path CSV = Path.of("..", "shared", "spec", "customer-fields.csv");

    @Test
    void completenessCountsTwentyOneNationalAndThirtyNineProvincialFieldsAsTheCsvSays() throws Exception {
        List<String> lines = Files.readAllLines(CSV.toFile().exists() ? CSV : Path.of("/work/shared/spec/customer-fields.csv"),
                StandardCharsets.UTF_8);
        List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)).toList();
        assertThat(rows).hasSize(68);
        long national = rows.stream().filter(r -> r[5].equals("NATIONAL") && !r[4].equals("SYSTEM")).count();
        long provincial = rows.stream().filter(r -> r[5].equals("PROVINCIAL") && !r[4].equals("SYSTEM")).count();
        assertThat(national).isEqualTo(21);
        assertThat(provincial).isEqualTo(39);

        JsonNode fields = http.get("/api/v1/customer-fields", adminToken("sysadmin")).json();
        Map<String, JsonNode> byKey = new HashMap<>();
        fields.forEach(f -> byKey.put(f.get("key").asString(), f));
        for (String[] r : rows) {
            JsonNode f = byKey.get(r[0]);
            assertThat(f).as(r[0]).isNotNull();
            assertThat(f.get("group").asString()).isEqualTo(r[1]);
            assertThat(f.get("labelZh").asString()).isEqualTo(r[2]);
            assertThat(f.get("maintenance").asString()).isEqualTo(r[4]);
            assertThat(f.get("sensitive").asBoolean()).isEqualTo(r[6].equals("Y"));
        }
        assertThat(byKey.get("retailFormat").get("options").findValuesAsString("labelZh"))
                .containsExactly("食杂店", "便利店", "超市", "商场", "烟酒商店", "娱乐服务类", "其他");
    }

    @Test
    void aNewCustomerWithOnlyTheCreationFieldsMissesTheOtherRequiredOnes() {
        County c = county();
        var got = http.get("/api/v1/customers/" + create(c, minimal("缺项小店")).get("customerCode").asString(),
                c.marketDept()).json();
        // filled: customerCode, licenceNo, storeName, retailFormat, marketType + 4 defaults (national), none provincial
        assertThat(got.get("missingFields").size()).isEqualTo(21 + 39 - 9);
        assertThat(got.get("completeness").get("provincial").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(got.get("completeness").get("overall").decimalValue()).isEqualByComparingTo("0.15");
    }

    @Test
    void marketDeptAddsACustomEnumFieldThatIsValidatedStoredAndFilterable() {
        County c = county();
        String key = "chain" + unique().substring(0, 6);
        var added = http.post("/api/v1/customer-fields", c.marketDept(), Http.body("key", key, "labelZh", "连锁品牌",
                "type", "ENUM", "options", List.of(Map.of("code", "A", "labelZh", "甲连锁"), Map.of("code", "B", "labelZh", "乙连锁"))));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(http.post("/api/v1/customer-fields", c.manager(), Http.body("key", key + "x", "labelZh", "x",
                "type", "TEXT")).status()).isEqualTo(403);

        var bad = http.post("/api/v1/customers", c.marketDept(), withCounty(c, minimal("连锁一店"), key, "C"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("连锁品牌");
        var made = create(c, merge(minimal("连锁一店"), key, "A"));
        assertThat(made.get(key).asString()).isEqualTo("A");
        create(c, merge(minimal("连锁二店"), key, "B"));

        var list = http.get("/api/v1/customers?countyCode=" + c.code() + "&" + key + "=A", c.marketDept()).json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("storeName").asString()).isEqualTo("连锁一店");
        assertThat(http.get("/api/v1/customers?" + key + "=Z", c.marketDept()).status()).isEqualTo(400);
    }

    @Test
    void marketDeptChangesARequiredLevelAndCompletenessFollows() {
        County c = county();
        String code = create(c, minimal("级别测试店")).get("customerCode").asString();
        JsonNode before = http.get("/api/v1/customers/" + code, c.marketDept()).json();
        JsonNode field = http.get("/api/v1/customer-fields/demonstration", c.marketDept()).json();
        String original = field.get("requiredLevel").asString();
        var changed = http.patch("/api/v1/customer-fields/demonstration", c.marketDept(),
                Map.of("requiredLevel", "OPTIONAL", "version", field.get("version").asLong()));
        try {
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            JsonNode after = http.get("/api/v1/customers/" + code, c.marketDept()).json();
            assertThat(after.get("missingFields").size()).isEqualTo(before.get("missingFields").size() - 1);
            assertThat(http.patch("/api/v1/customer-fields/demonstration", c.marketDept(),
                    Map.of("requiredLevel", "NATIONAL", "version", field.get("version").asLong())).status())
                    .as("stale version").isEqualTo(409);
            assertThat(http.patch("/api/v1/customer-fields/tier", c.marketDept(),
                    Map.of("requiredLevel", "OPTIONAL", "version", 0)).status()).as("SYSTEM field").isEqualTo(400);
        } finally {
            http.patch("/api/v1/customer-fields/demonstration", c.marketDept(),
                    Map.of("requiredLevel", original, "version", changed.json().get("version").asLong()));
        }
    }

    private static Map<String, Object> merge(Map<String, Object> base, String key, Object value) {
        base.put(key, value);
        return base;
    }

    private static Map<String, Object> withCounty(County c, Map<String, Object> base, String key, Object value) {
        base.put(key, value);
        base.put("countyCode", c.code());
        return base;
    }
}
