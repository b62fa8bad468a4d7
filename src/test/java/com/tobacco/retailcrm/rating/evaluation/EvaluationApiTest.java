package com.tobacco.retailcrm.rating.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.rating.RatingApiTestBase;
import com.tobacco.retailcrm.support.Http;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The five dimensions and the weighted total on a hand-computed example. Format 9 (其他) in March 2019: no other test
 * sends purchases of that month, so X and Y hold all of the format's purchases.
 *
 * <pre>
 *          qty  amount  Feb amount  tobaccoShare  violations (March 2019)
 *   X       30    6000        4000            60  none
 *   Y       10    2000        2000             —  one minor, not corrected
 * format    40    8000
 * share: X (30/40 + 6000/8000)/2 = 0.75, Y 0.25 → contribution X 100, Y 33.33
 * dependence X 60, Y 0; integrity (not rated 70) X 70, Y 70 − 10 = 60
 * growth X 50 + 50·2000/4000 = 75, Y 50; cooperation (no visits, surveys or complaints in 2019-03): X clean record 70,
 * Y 0/1 corrected = 0
 * total (30/15/25/15/15): X (3000 + 900 + 1750 + 1125 + 1050)/100 = 78.25
 *                         Y (999.9 + 0 + 1500 + 750 + 0)/100 = 32.499 → 32.50
 * </pre>
 */
class EvaluationApiTest extends RatingApiTestBase {

    private Map<String, Object> order(String code, String date, int qty, int amount) {
        return Map.of("orderNo", "EV-" + unique(), "customerCode", code, "orderDate", date, "qty", qty,
                "amount", amount);
    }

    private JsonNode scoreOf(JsonNode items, String code) {
        for (JsonNode n : items) {
            if (n.get("customerCode").asString().equals(code)) {
                return n;
            }
        }
        throw new AssertionError("no score for " + code + " in " + items);
    }

    @Test
    void weightedTotalOfTheFiveDimensionsOnAHandComputedExample() {
        County c = county();
        String x = customer(c, "retailFormat", "9", "tobaccoShare", "60");
        String y = customer(c, "retailFormat", "9");
        var sent = http.post("/api/v1/purchases", token(c.marketDept()), List.of(
                order(x, "2019-03-05", 20, 4000), order(x, "2019-03-20", 10, 2000), order(x, "2019-02-10", 15, 4000),
                order(y, "2019-03-11", 10, 2000), order(y, "2019-02-11", 10, 2000)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("accepted").asInt()).isEqualTo(5);
        assertThat(http.post("/api/v1/violations", token(c.officer()), Http.body("customerCode", y,
                "occurredOn", "2019-03-10", "type", "MINOR", "description", "未按规定明码标价")).status()).isEqualTo(201);

        var run = http.post("/api/v1/evaluations", token(c.marketDept()), Http.body("period", "2019-03"));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.json().get("period").asString()).isEqualTo("2019-03");

        var ranking = http.get("/api/v1/evaluations?period=2019-03&retailFormat=9&size=500", token(c.manager()));
        assertThat(ranking.status()).as(ranking.toString()).isEqualTo(200);
        JsonNode items = ranking.json().get("items");
        assertThat(items).hasSize(2); // the manager's scope: their own two customers
        JsonNode sx = scoreOf(items, x);
        JsonNode sy = scoreOf(items, y);
        assertThat(sx.get("contribution").decimalValue()).isEqualByComparingTo("100");
        assertThat(sx.get("dependence").decimalValue()).isEqualByComparingTo("60");
        assertThat(sx.get("integrity").decimalValue()).isEqualByComparingTo("70");
        assertThat(sx.get("growth").decimalValue()).isEqualByComparingTo("75");
        assertThat(sx.get("cooperation").decimalValue()).isEqualByComparingTo("70");
        assertThat(sx.get("total").decimalValue()).isEqualByComparingTo(new BigDecimal("78.25"));
        assertThat(sy.get("contribution").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(sy.get("dependence").decimalValue()).isEqualByComparingTo("0");
        assertThat(sy.get("integrity").decimalValue()).isEqualByComparingTo("60");
        assertThat(sy.get("growth").decimalValue()).isEqualByComparingTo("50");
        assertThat(sy.get("cooperation").decimalValue()).isEqualByComparingTo("0");
        assertThat(sy.get("total").decimalValue()).isEqualByComparingTo(new BigDecimal("32.50"));
        assertThat(sx.get("rank").asInt()).isLessThan(sy.get("rank").asInt());

        var history = http.get("/api/v1/evaluations/customers/" + x, token(c.manager()));
        assertThat(history.json().get(0).get("period").asString()).isEqualTo("2019-03");

        // computing the period again replaces it: the same inputs give the same scores
        assertThat(http.post("/api/v1/evaluations", token(c.marketDept()), Http.body("period", "2019-03")).status())
                .isEqualTo(201);
        JsonNode again = http.get("/api/v1/evaluations?period=2019-03&retailFormat=9&size=500", token(c.manager()))
                .json().get("items");
        assertThat(scoreOf(again, x).get("total").decimalValue()).isEqualByComparingTo("78.25");
    }

    @Test
    void onlyTheMarketDepartmentComputesAndPeriodsAreChecked() {
        County c = county();
        assertThat(http.post("/api/v1/evaluations", token(c.officer()), Http.body("period", "2019-03")).status())
                .isEqualTo(403);
        var bad = http.post("/api/v1/evaluations", token(c.marketDept()), Http.body("period", "2019-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(http.post("/api/v1/evaluations", token(c.marketDept()), Http.body("period", "2099-Q1")).status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/evaluations?retailFormat=77", token(c.manager())).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/evaluations", null).status()).isEqualTo(401);
    }
}
