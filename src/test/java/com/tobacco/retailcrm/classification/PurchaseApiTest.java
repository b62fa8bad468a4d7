package com.tobacco.retailcrm.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.classification.api.PurchaseFigures;
import com.tobacco.retailcrm.classification.api.PurchaseTotals;
import com.tobacco.retailcrm.customer.FileTransfer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PurchaseApiTest extends ClassificationTestBase {

    @Autowired
    PurchaseFigures figures;

    @Test
    void sendingAnOrderAgainReplacesIt() {
        County c = county();
        String code = customer(c, "2", "1");
        LocalDate day = lastMonth().atDay(3);
        var first = order(code, day, new BigDecimal("10.50"), new BigDecimal("1200.00"));
        assertThat(send(c.distribution(), List.of(first)).get("accepted").asInt()).isEqualTo(1);
        assertThat(send(c.distribution(), List.of(first)).get("accepted").asInt()).isEqualTo(1);
        var corrected = new java.util.LinkedHashMap<>(first);
        corrected.put("qty", new BigDecimal("12"));
        corrected.put("amount", "1500.5");
        send(c.distribution(), List.of(corrected));

        assertThat(jdbc.queryForObject("select count(*) from purchase where customer_code = ?", Long.class, code))
                .isEqualTo(1);
        Map<String, PurchaseTotals> totals = figures.totalsByCustomer(day, day);
        assertThat(totals.get(code).qty()).isEqualByComparingTo("12");
        assertThat(totals.get(code).amount()).isEqualByComparingTo("1500.50");
    }

    @Test
    void theLaterOfTwoItemsWithTheSameOrderNumberInOneCallWins() {
        County c = county();
        String code = customer(c, "2", "1");
        LocalDate day = lastMonth().atDay(4);
        var a = order(code, day, 1, 100);
        var b = new java.util.LinkedHashMap<>(a);
        b.put("qty", 2);
        JsonNode r = send(c.distribution(), List.of(a, b));
        assertThat(r.get("accepted").asInt()).isEqualTo(2);
        assertThat(figures.totalsByCustomer(day, day).get(code).qty()).isEqualByComparingTo("2");
    }

    @Test
    void eachRefusedItemIsReportedByIndexAndTheOthersAreKept() {
        County c = county();
        String code = customer(c, "2", "1");
        LocalDate day = lastMonth().atDay(6);
        List<Map<String, Object>> orders = new ArrayList<>();
        orders.add(order(code, day, new BigDecimal("5"), new BigDecimal("500")));          // 0 ok
        orders.add(order("999999999999", day, 1, 1));                                      // 1 unknown customer
        orders.add(order(code, day, new BigDecimal("-1"), new BigDecimal("10")));          // 2 negative
        orders.add(order(code, day, new BigDecimal("1.005"), new BigDecimal("10")));       // 3 three decimals
        orders.add(order(code, LocalDate.ofInstant(clock.instant(), ZONE).plusDays(2), 1, 1)); // app clock                    // 4 future
        orders.add(order(code, day, "abc", 1));                                            // 5 not a number
        var noDate = order(code, day, 1, 1);
        noDate.put("orderDate", "2026-02-30");                                             // 6 no such date
        orders.add(noDate);
        orders.add(order(code, day, new BigDecimal("2.50"), new BigDecimal("250.10")));    // 7 ok

        var r = http.post("/api/v1/purchases", c.distribution(), orders);
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(6);
        List<Integer> indexes = new ArrayList<>();
        body.get("errors").forEach(e -> indexes.add(e.get("index").asInt()));
        assertThat(indexes).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(body.get("errors").get(0).get("message").asString()).contains("不存在");
        assertThat(body.get("errors").get(2).get("message").asString()).contains("两位小数");
        assertThat(figures.totalsByCustomer(day, day).get(code).qty()).isEqualByComparingTo("7.50");

        var en = http.raw("POST", "/api/v1/purchases", c.distribution(),
                "[{\"orderNo\":\"X-" + unique() + "\",\"customerCode\":\"" + code + "\",\"orderDate\":\"" + day
                        + "\",\"qty\":-3,\"amount\":1}]",
                Map.of("Accept-Language", "en", "Content-Type", "application/json"));
        assertThat(en.json().get("errors").get(0).get("message").asString()).isEqualTo("qty cannot be negative");
    }

    @Test
    void moreThanTenThousandItemsInOneCallAreRefusedWhole() {
        County c = county();
        String code = customer(c, "2", "1");
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            orders.add(order(code, lastMonth().atDay(1), 1, 1));
        }
        var r = http.post("/api/v1/purchases", c.distribution(), orders);
        assertThat(r.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from purchase where customer_code = ?", Long.class, code))
                .isZero();
    }

    @Test
    void csvImportFollowsTheSameRulesAndReportsLineNumbers() {
        County c = county();
        String code = customer(c, "2", "1");
        LocalDate day = lastMonth().atDay(7);
        String no = "CSV-" + unique();
        String csv = "\uFEFF订单号,客户代码,订货日期,数量,金额\n"
                + no + "," + code + "," + day + ",3.5,420.00\n"
                + "CSV-" + unique() + ",000000000000," + day + ",1,1\n"
                + "CSV-" + unique() + "," + code + "," + day + ",1.123,1\n";
        var r = upload(c.distribution(), csv);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(2);
        assertThat(r.json().get("errors").get(0).get("index").asInt()).isEqualTo(3);
        assertThat(r.json().get("errors").get(1).get("index").asInt()).isEqualTo(4);
        // importing the same file again changes nothing
        upload(c.distribution(), csv.replace("CSV-", "CSV-"));
        assertThat(figures.totalsByCustomer(day, day).get(code).qty()).isEqualByComparingTo("3.5");

        var missing = upload(c.distribution(), "orderNo,customerCode\nA,B\n");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void aGbkCsvAsExcelSavesItAndAnXlsxAreReadAlikeSkippingBlankRows() throws Exception {
        County c = county();
        String code = customer(c, "2", "1");
        LocalDate day = lastMonth().atDay(9);
        String gbkNo = "GBK-" + unique();
        byte[] gbk = ("订单编号,客户编码,订单日期,数量（条）,金额（元）\r\n\r\n" + gbkNo + "," + code + "," + day + ",2,300.00\r\n"
                + "GBK-" + unique() + "," + code + "," + day + ",-1,1\r\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        var r = upload(c.distribution(), gbk, "p.csv");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(r.json().get("errors").get(0).get("index").asInt()).as("row 4: the blank row 2 still counts").isEqualTo(4);

        String xlsxNo = "XLSX-" + unique();
        byte[] xlsx = com.tobacco.retailcrm.customer.CustomerImportTest.xlsx(
                List.of("orderNo", "customerCode", "orderDate", "qty", "amount"),
                List.of(xlsxNo, code, day.toString(), "1.5", "210.5"));
        var x = upload(c.distribution(), xlsx, "p.xlsx");
        assertThat(x.status()).as("%s", x).isEqualTo(200);
        assertThat(x.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(figures.totalsByCustomer(day, day).get(code).qty()).isEqualByComparingTo("3.5");
        assertThat(upload(c.distribution(), "not a sheet at all".getBytes(), "p.xls").status()).isEqualTo(400);
    }

    @Test
    void onlyTheDistributionAndMarketDepartmentsSendPurchases() {
        County c = county();
        String code = customer(c, "2", "1");
        String cm = userWithRoles("cm" + unique(), c.code(), null, List.of("CUSTOMER_MANAGER"));
        var refused = http.post("/api/v1/purchases", cm, List.of(order(code, lastMonth().atDay(1), 1, 1)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.post("/api/v1/purchases", null, List.of()).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/purchases", c.marketDept(), List.of(order(code, lastMonth().atDay(1), 1, 1)))
                .json().get("accepted").asInt()).isEqualTo(1);
    }

    private FileTransfer.Result upload(String token, String csv) {
        return upload(token, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "p.csv");
    }

    private FileTransfer.Result upload(String token, byte[] content, String fileName) {
        return new FileTransfer(http.base()).upload("/api/v1/purchases/import", token, fileName, content, Map.of());
    }
}
