package com.tobacco.retailcrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Daily order facts in by API (all or nothing, idempotent per customer and day) and by file (per row). */
class DailyOrderApiTest extends ApiTest {

    private String sender;
    private String code;

    @BeforeEach
    void setUp() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "配送部" + unique());
        String county = orgUnit("COUNTY", rootOrgCode(), "订货县" + unique());
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        sender = userWithRoles("dd" + unique(), dept, null, List.of("DISTRIBUTION_DEPT"));
        code = digits();
        assertThat(http.post("/api/v1/customers", md, Http.body("customerCode", code, "licenceNo",
                digits(), "storeName", "订货店" + unique(), "retailFormat", "1",
                "marketType", "1", "countyCode", county)).status()).isEqualTo(201);
    }

    private static String digits() {
        StringBuilder b = new StringBuilder("9");
        for (int i = 1; i < 12; i++) {
            b.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        }
        return b.toString();
    }

    private static Map<String, Object> row(String code, String date, boolean ordered, boolean succeeded, boolean electronic) {
        return Http.body("customerCode", code, "date", date, "ordered", ordered, "succeeded", succeeded,
                "electronic", electronic);
    }

    @Test
    void sendingTheSameCustomerAndDayAgainReplacesItsRow() {
        assertThat(http.post("/api/v1/orders/daily", sender, List.of(row(code, "2026-11-02", true, true, false),
                row(code, "2026-11-03", true, false, false))).status()).isEqualTo(200);
        var again = http.post("/api/v1/orders/daily", sender, List.of(row(code, "2026-11-02", true, true, true)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from order_daily where customer_code = ?", Long.class, code))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select electronic from order_daily where customer_code = ? and day = '2026-11-02'",
                Boolean.class, code)).isTrue();
    }

    @Test
    void aBatchWithABadRowIsRefusedWholeNamingEachRowAndField() {
        var r = http.post("/api/v1/orders/daily", sender, List.of(row(code, "2026-11-05", true, true, true),
                row("999999999999", "2026-11-05", true, true, true), row(code, "2026-11-06", false, true, false),
                row(code, "2099-01-01", true, true, true)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("[1].customerCode").contains("[2].succeeded").contains("[3].date");
        assertThat(jdbc.queryForObject("select count(*) from order_daily where customer_code = ?", Long.class, code))
                .isZero();
        assertThat(http.post("/api/v1/orders/daily", sender, Map.of("x", 1)).status()).isEqualTo(400);
    }

    @Test
    void onlyTheDistributionOrMarketDepartmentSendsOrdersAndAdminsAreRefused() {
        assertThat(http.post("/api/v1/orders/daily", adminToken("sysadmin"), List.of(row(code, "2026-11-02", true,
                true, true))).status()).isEqualTo(403);
    }

    @Test
    void anImportedFileKeepsItsGoodRowsAndReportsEachBadOneByRowNumber() throws Exception {
        String csv = "客户编码,日期,是否订货,是否成功,是否电子结算\n" + code + ",2026-11-10,是,是,是\n" + code
                + ",2026-11-11,否,是,否\n" + "000000000001,2026-11-12,是,是,否\n" + code + ",2026-13-01,是,否,否\n";
        String boundary = "----crm" + unique();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base()
                        + "/api/v1/orders/daily/import")).header("Authorization", "Bearer " + sender)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = Http.JSON.readTree(r.body());
        assertThat(json.get("stored").asInt()).isEqualTo(1);
        assertThat(r.body()).contains("\"row\":3").contains("\"row\":4").contains("\"row\":5").contains("未订货不能订货成功");
    }
}
