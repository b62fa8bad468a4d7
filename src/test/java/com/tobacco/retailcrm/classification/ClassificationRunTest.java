package com.tobacco.retailcrm.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/domain/classification.md on hand-computed cases, each in a retail format of its own (see the base class). */
class ClassificationRunTest extends ClassificationTestBase {

    private final YearMonth month = lastMonth();

    /** Customers of a new format buying qty and amount as given (null: no purchases); returns code by name. */
    private Map<String, String> format(County c, String format, Object[][] rows) {
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, String[]> buys = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String code = customer(c, format, "1");
            codes.put((String) row[0], code);
            if (row[1] != null) {
                buys.put(code, new String[] {(String) row[1], (String) row[2]});
            }
        }
        if (!buys.isEmpty()) {
            buy(c, month, buys);
        }
        return codes;
    }

    private JsonNode run(County c) {
        var r = http.post("/api/v1/classification-runs", c.marketDept(), Http.body("period", month.toString()));
        assertThat(r.status()).as("run: %s", r).isEqualTo(201);
        return r.json();
    }

    private Map<String, JsonNode> results(County c, JsonNode run, String format) {
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        var r = http.get("/api/v1/classification-runs/" + run.get("id").asLong() + "/results?size=500&retailFormat="
                + format, c.marketDept());
        assertThat(r.status()).as("results: %s", r).isEqualTo(200);
        r.json().get("items").forEach(i -> byCode.put(i.get("customerCode").asString(), i));
        return byCode;
    }

    private static JsonNode formatOf(JsonNode run, String format) {
        for (JsonNode f : run.get("formats")) {
            if (f.get("retailFormat").asString().equals(format)) {
                return f;
            }
        }
        throw new AssertionError("format " + format + " missing in " + run);
    }

    private static String scale(Map<String, JsonNode> results, Map<String, String> codes, String name) {
        return results.get(codes.get(name)).get("businessScale").asString();
    }

    private static int rank(Map<String, JsonNode> results, Map<String, String> codes, String name) {
        return results.get(codes.get(name)).get("rank").asInt();
    }

    @Test
    void scaleIsLargeForTopTwentyPercentWithTiesSharingTheBetterClass() {
        County c = county();
        String f = newFormat();
        // n = 10, k = 2; qty and amount in the same proportion, so the score orders like qty
        var codes = format(c, f, new Object[][] {{"a", "100", "1000"}, {"b", "80", "800"}, {"c", "80", "800"},
                {"d", "50", "500"}, {"e", "40", "400"}, {"f", "30", "300"}, {"g", "20", "200"}, {"h", "10", "100"},
                {"i", "10", "100"}, {"j", "5", "50"}});
        JsonNode run = run(c);
        var results = results(c, run, f);
        assertThat(results).hasSize(10);
        assertThat(List.of(rank(results, codes, "a"), rank(results, codes, "b"), rank(results, codes, "c"),
                rank(results, codes, "d"), rank(results, codes, "h"), rank(results, codes, "i"),
                rank(results, codes, "j"))).containsExactly(1, 2, 2, 4, 8, 8, 10);
        // ranks 2 and 2 are both ≤ k: three large customers; ranks 8 and 8 are not > n − k = 8: one small one
        assertThat(List.of("a", "b", "c")).allSatisfy(n -> assertThat(scale(results, codes, n)).isEqualTo("1"));
        assertThat(List.of("d", "e", "f", "g", "h", "i")).allSatisfy(n -> assertThat(scale(results, codes, n)).isEqualTo("2"));
        assertThat(scale(results, codes, "j")).isEqualTo("3");
        assertThat(results.get(codes.get("a")).get("customerClass").asString()).isEqualTo("1-" + f + "-1");
        // score = (100/425 + 1000/4250) / 2 = 0.2352941176470…
        assertThat(results.get(codes.get("a")).get("score").asString()).isEqualTo("0.235294117647");
        JsonNode summary = formatOf(run, f);
        assertThat(summary.get("customers").asInt()).isEqualTo(10);
        assertThat(summary.get("totalQty").decimalValue()).isEqualByComparingTo("425");
        assertThat(summary.get("totalAmount").decimalValue()).isEqualByComparingTo("4250");
        assertThat(summary.get("classified").asBoolean()).isTrue();
        assertThat(summary.has("reason")).isFalse();
    }

    private void assertScales(County c, int n, int expectedK) {
        String f = newFormat();
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new Object[] {"c" + i, String.valueOf(100 - i), String.valueOf((100 - i) * 10)};
        }
        var codes = format(c, f, rows);
        var results = results(c, run(c), f);
        List<String> scales = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scales.add(scale(results, codes, "c" + i));
        }
        assertThat(scales.stream().filter("1"::equals).count()).as("large of %d", n).isEqualTo(expectedK);
        assertThat(scales.stream().filter("3"::equals).count()).as("small of %d", n).isEqualTo(expectedK);
        assertThat(scales.subList(0, expectedK)).allMatch("1"::equals);
    }

    @Test
    void kIsTwentyPercentOfTheFormatRoundedHalfUp() {
        County c = county();
        assertScales(c, 12, 2);   // 2.4 → 2
        assertScales(c, 13, 3);   // 2.6 → 3
        assertScales(c, 17, 3);   // 3.4 → 3
    }

    @Test
    void formatsOfFewerThanFiveCustomersFollowTheSameRule() {
        County c = county();
        assertScales(c, 1, 0);    // k = round(0.2) = 0: medium
        assertScales(c, 2, 0);    // k = round(0.4) = 0: both medium
        assertScales(c, 3, 1);    // k = round(0.6) = 1: large, medium, small
        assertScales(c, 4, 1);
    }

    @Test
    void customersWithoutPurchasesScoreZeroAndShareTheLastRank() {
        County c = county();
        String f = newFormat();
        var codes = format(c, f, new Object[][] {{"a", "30", "3000"}, {"b", "20", "2000"}, {"c", "10", "1000"},
                {"none1", null, null}, {"none2", null, null}});
        var results = results(c, run(c), f);
        assertThat(results.get(codes.get("none1")).get("score").asString()).isEqualTo("0.000000000000");
        assertThat(rank(results, codes, "none1")).isEqualTo(4);
        assertThat(rank(results, codes, "none2")).isEqualTo(4);
        // n = 5, k = 1: rank 4 is not > n − k = 4, so both stay medium
        assertThat(scale(results, codes, "none1")).isEqualTo("2");
        assertThat(scale(results, codes, "a")).isEqualTo("1");
    }

    @Test
    void aFormatWithZeroTotalsIsNotClassifiedAndSaysWhy() {
        County c = county();
        String empty = newFormat();
        var codes = format(c, empty, new Object[][] {{"a", null, null}, {"b", null, null}});
        String noAmount = newFormat();
        format(c, noAmount, new Object[][] {{"a", "5", "0"}, {"b", "3", "0"}});
        JsonNode run = run(c);
        JsonNode summary = formatOf(run, empty);
        assertThat(summary.get("classified").asBoolean()).isFalse();
        assertThat(summary.get("customers").asInt()).isEqualTo(2);
        assertThat(summary.get("reason").asString()).contains("没有购进记录");
        assertThat(formatOf(run, noAmount).get("reason").asString()).contains("金额合计为 0");
        var results = results(c, run, empty);
        assertThat(results.get(codes.get("a")).get("businessScale").isNull()).isTrue();
        assertThat(results.get(codes.get("a")).get("customerClass").isNull()).isTrue();
    }

    @Test
    void suspendedCustomersAreLeftOutOfTheirFormat() {
        County c = county();
        String f = newFormat();
        var codes = format(c, f, new Object[][] {{"a", "10", "100"}, {"b", "30", "300"}});
        String suspended = customer(c, f, "1", "ACTIVE");
        buy(c, month, Map.of(suspended, new String[] {"1000", "10000"}));
        var p = http.get("/api/v1/customers/" + suspended, c.marketDept());
        var s = http.patch("/api/v1/customers/" + suspended, c.marketDept(), Http.body("status", "SUSPENDED",
                "version", p.json().get("version").asLong(), "statusReason", "歇业"));
        assertThat(s.status()).as("%s", s).isEqualTo(200);
        JsonNode run = run(c);
        var results = results(c, run, f);
        assertThat(results).containsOnlyKeys(codes.get("a"), codes.get("b"));
        assertThat(formatOf(run, f).get("totalQty").decimalValue()).isEqualByComparingTo("40");
        assertThat(results.get(codes.get("b")).get("score").asString()).isEqualTo("0.750000000000");
    }

    @Test
    void scoresEqualByHandAreEqualWhereFloatingPointWouldDiffer() {
        County c = county();
        String f = newFormat();
        // Q = A = 10: x = (0.1 + 0.2)/2 and y = (0.3 + 0)/2; in doubles 0.1 + 0.2 > 0.3 and y would be small
        var codes = format(c, f, new Object[][] {{"w", "6", "8"}, {"x", "1", "2"}, {"y", "3", "0"}});
        String thirds = newFormat();
        // Q = A = 3: p = (1/3 + 1/3)/2 and q = (2/3 + 0)/2 differ once 1/3 and 2/3 are rounded to any decimals
        var codes3 = format(c, thirds, new Object[][] {{"p", "1", "1"}, {"q", "2", "0"}, {"r", "0", "1"},
                {"s", "0", "1"}});
        JsonNode run = run(c);
        var results = results(c, run, f);
        assertThat(results.get(codes.get("x")).get("score").asString()).isEqualTo("0.150000000000");
        assertThat(results.get(codes.get("y")).get("score").asString()).isEqualTo("0.150000000000");
        assertThat(rank(results, codes, "x")).isEqualTo(2);
        assertThat(rank(results, codes, "y")).isEqualTo(2);
        assertThat(scale(results, codes, "y")).isEqualTo("2");
        var r3 = results(c, run, thirds);
        assertThat(rank(r3, codes3, "p")).isEqualTo(1);
        assertThat(rank(r3, codes3, "q")).isEqualTo(1);
        assertThat(rank(r3, codes3, "r")).isEqualTo(3);
    }

    @Test
    void tiersFollowTheRankWithTheBestCustomersInTheHighestTier() {
        County c = county();
        String f = newFormat();
        // n = 12, 30 equal tiers: tier t (counted from the best) ends at rank round-half-up(12·t/30)
        Object[][] rows = new Object[12][];
        for (int i = 0; i < 12; i++) {
            int v = 100 - i;
            rows[i] = new Object[] {"c" + i, String.valueOf(v), String.valueOf(v)};
        }
        rows[7] = new Object[] {"c7", "94", "94"};  // ties with c6 (rank 7)
        var codes = format(c, f, rows);
        var results = results(c, run(c), f);
        List<Integer> tiers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tiers.add(results.get(codes.get("c" + i)).get("tier").asInt());
        }
        // rank 1: first t with round(0.4 t) ≥ 1 is t = 2 → tier 29; rank 12: t = 29 → tier 2
        assertThat(tiers.get(0)).isEqualTo(29);
        assertThat(tiers.get(11)).isEqualTo(2);
        // rank 7 (c6 and c7 tied): t = 17 (round(6.8) = 7) → tier 14 for both
        assertThat(tiers.get(6)).isEqualTo(14);
        assertThat(tiers.get(7)).isEqualTo(14);
        for (int i = 1; i < 12; i++) {
            assertThat(tiers.get(i)).isLessThanOrEqualTo(tiers.get(i - 1));
        }
    }

    @Test
    void theSameInputsGiveTheSameResults() {
        County c = county();
        String f = newFormat();
        format(c, f, new Object[][] {{"a", "7.25", "700.10"}, {"b", "7.25", "700.10"}, {"c", "3", "120"},
                {"d", null, null}, {"e", "12.5", "99.99"}, {"f", "1", "1"}});
        var first = results(c, run(c), f);
        var second = results(c, run(c), f);
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((code, r) -> assertThat(second.get(code)).isEqualTo(r));
    }

    @Test
    void aRunIsAppliedOnceWritingScaleClassTierAndPurchaseFiguresWithItsSource() {
        County c = county();
        String f = newFormat();
        var codes = format(c, f, new Object[][] {{"a", "40", "4000"}, {"b", "20", "2000"}, {"c", "10", "500"},
                {"d", "5", "100"}, {"e", null, null}});
        JsonNode run = run(c);
        assertThat(run.get("status").asString()).isEqualTo("COMPUTED");
        assertThat(run.get("changed").asInt()).isGreaterThanOrEqualTo(5);
        var changed = http.get("/api/v1/classification-runs/" + run.get("id").asLong() + "/results?changed=true&retailFormat="
                + f, c.marketDept());
        assertThat(changed.json().get("total").asInt()).isEqualTo(5);
        assertThat(changed.json().get("items").get(0).get("previousClass").isNull()).isTrue();

        long id = run.get("id").asLong();
        var applied = http.post("/api/v1/classification-runs/" + id + "/apply", c.marketDept(), Map.of());
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        JsonNode a = http.get("/api/v1/customers/" + codes.get("a"), c.marketDept()).json();
        assertThat(a.get("businessScale").asString()).isEqualTo("1");
        assertThat(a.get("customerClass").asString()).isEqualTo("1-" + f + "-1");
        // n = 5: the best tier counted from the top that is not empty is t = 3 (round(5·3/30) = 1) → tier 28
        assertThat(a.get("tier").asInt()).isEqualTo(28);
        assertThat(a.get("purchaseQty").decimalValue()).isEqualByComparingTo("40");
        assertThat(a.get("purchaseAvgPrice").decimalValue()).isEqualByComparingTo("100");
        JsonNode history = http.get("/api/v1/customers/" + codes.get("a") + "/history", c.marketDept()).json();
        List<String> sources = new ArrayList<>();
        history.forEach(h -> sources.add(h.get("field").asString() + "@" + h.get("source").asString()));
        assertThat(sources).contains("customerClass@CLASSIFICATION:" + id, "businessScale@CLASSIFICATION:" + id,
                "tier@CLASSIFICATION:" + id, "purchaseQty@PURCHASES:" + month);

        // the apply is an audit event of its run, with how many customers it wrote (issue 17, point 4)
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'CLASSIFICATION_APPLIED' "
                + "and target_id = ?", String.class, String.valueOf(id))).singleElement().asString()
                .contains("customers=");
        var again = http.post("/api/v1/classification-runs/" + id + "/apply", c.marketDept(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        // a new run of the same inputs now changes nothing
        JsonNode rerun = run(c);
        assertThat(results(c, rerun, f).get(codes.get("a")).get("previousClass").asString()).isEqualTo("1-" + f + "-1");
        var changedNow = http.get("/api/v1/classification-runs/" + rerun.get("id").asLong()
                + "/results?changed=true&retailFormat=" + f, c.marketDept());
        assertThat(changedNow.json().get("total").asInt()).isZero();
    }

    @Test
    void aCustomerTheRunGivesNoClassKeepsScaleClassAndTierAndStillGetsItsPurchaseFigures() {
        County c = county();
        String f = newFormat();
        String classified = format(c, f, new Object[][] {{"a", "30", "3000"}}).get("a");
        String free = newFormat();   // given away: an amount of 0, so the format is not classified
        String unclassified = format(c, free, new Object[][] {{"a", "12", "0"}}).get("a");
        jdbc.update("update customer set business_scale = '3', customer_class = 'old', tier = 2 where customer_code = ?",
                unclassified);
        long id = run(c).get("id").asLong();

        var applied = http.post("/api/v1/classification-runs/" + id + "/apply", c.marketDept(), Map.of());

        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(jdbc.queryForMap("select business_scale, customer_class, tier, purchase_qty, purchase_avg_price "
                + "from customer where customer_code = ?", unclassified).values().stream().map(String::valueOf).toList())
                .as("scale, class and tier as they were, the purchase figures of the month")
                .containsExactly("3", "old", "2", "12.00", "0.00");
        assertThat(jdbc.queryForList("select field from customer_history where customer_code = ? and source like ?",
                String.class, unclassified, "CLASSIFICATION:%")).isEmpty();
        assertThat(jdbc.queryForObject("select customer_class from customer where customer_code = ?", String.class,
                classified)).startsWith("1-" + f + "-");
        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'CLASSIFICATION_APPLIED' "
                + "and target_id = ?", String.class, String.valueOf(id))).contains("customers=");
    }

    @Test
    void runsAreStartedByTheMarketDepartmentForAFinishedPeriod() {
        County c = county();
        String cm = userWithRoles("cm" + unique(), c.code(), null, List.of("CUSTOMER_MANAGER"));
        assertThat(http.post("/api/v1/classification-runs", cm, Http.body("period", month.toString())).status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/classification-runs", c.distribution(), Http.body("period", month.toString()))
                .status()).isEqualTo(403);
        var bad = http.post("/api/v1/classification-runs", c.marketDept(), Http.body("period", "2026-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        var current = http.post("/api/v1/classification-runs", c.marketDept(),
                Http.body("period", YearMonth.from(clock.instant().atZone(ZONE)).toString()));
        assertThat(current.status()).isEqualTo(422);
        assertThat(http.get("/api/v1/classification-runs/999999999", c.marketDept()).status()).isEqualTo(404);
        var quarter = http.post("/api/v1/classification-runs", c.marketDept(), Http.body("period", "2025-Q4"));
        assertThat(quarter.status()).isEqualTo(201);
        assertThat(quarter.json().get("period").asString()).isEqualTo("2025-Q4");
    }
}
