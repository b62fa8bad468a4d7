package com.tobacco.retailcrm.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 零售客户类别调整情况表: a month's applied class changes per county, with reasons, as a list and as Excel. */
class AdjustmentReportTest extends ClassificationTestBase {

    @Test
    void theMonthlyReportListsEachCountysClassChangesWithTheirReason() throws Exception {
        County c = county();
        String f = newFormat();
        String big = customer(c, f, "1");
        String small = customer(c, f, "2");
        String middle = customer(c, f, "1");
        Map<String, String[]> buys = new LinkedHashMap<>();
        buys.put(big, new String[] {"50", "5000"});
        buys.put(small, new String[] {"1", "100"});
        buys.put(middle, new String[] {"10", "1000"});
        buy(c, lastMonth(), buys);
        long first = applyRun(c);

        var lines = report(c);
        assertThat(lines).containsEntry(big, "1-" + f + "-1|首次分类").containsEntry(small, "2-" + f + "-3|首次分类");

        // next run: the small shop buys most, so its scale and the big one's change; the report says why
        Map<String, String[]> more = new LinkedHashMap<>();
        more.put(small, new String[] {"500", "50000"});
        buy(c, lastMonth(), more);
        long second = applyRun(c);
        assertThat(second).isGreaterThan(first);
        lines = report(c);
        assertThat(lines.get(small)).isEqualTo("2-" + f + "-1|经营规模由小调整为大（" + lastMonth() + " 购进排名 第 1 / 3 户）");

        // the download holds the same lines
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                http.base() + "/api/v1/classification-adjustments/export?month=" + lastMonth() + "&countyCode=" + c.code()))
                .header("Authorization", "Bearer " + c.marketDept()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            try (var rows = wb.getFirstSheet().openStream()) {
                rows.forEach((Row r) -> r.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
            }
        }
        assertThat(cells).contains("客户代码", "调整原因", small, "2-" + f + "-1");

        // a county head reads their own county's report, never another county's
        String head = userWithRoles("hd" + unique(), c.code(), null, List.of("COUNTY_HEAD"));
        var own = http.get("/api/v1/classification-adjustments?size=500&month=" + lastMonth(), head);
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        own.json().get("items").forEach(l -> seen.add(l.get("countyCode").asString()));
        assertThat(seen).isNotEmpty().containsOnly(c.code());
        County other = county();
        assertThat(http.get("/api/v1/classification-adjustments?month=" + lastMonth() + "&countyCode=" + other.code(),
                head).status()).isEqualTo(403);

        String cm = userWithRoles("cm" + unique(), c.code(), null, List.of("CUSTOMER_MANAGER"));
        assertThat(http.get("/api/v1/classification-adjustments?month=" + lastMonth(), cm).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/classification-adjustments?month=2026-1", c.marketDept()).status()).isEqualTo(400);
    }

    private long applyRun(County c) {
        var run = http.post("/api/v1/classification-runs", c.marketDept(), Http.body("period", lastMonth().toString()));
        assertThat(run.status()).isEqualTo(201);
        long id = run.json().get("id").asLong();
        assertThat(http.post("/api/v1/classification-runs/" + id + "/apply", c.marketDept(), Map.of()).status())
                .isEqualTo(200);
        return id;
    }

    /** The latest line per customer of the county's report for last month: "to|reason". */
    private Map<String, String> report(County c) {
        var r = http.get("/api/v1/classification-adjustments?size=500&month=" + lastMonth() + "&countyCode="
                + c.code(), c.marketDept());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        Map<String, String> lines = new LinkedHashMap<>();
        for (JsonNode l : r.json().get("items")) {
            assertThat(l.get("countyCode").asString()).isEqualTo(c.code());
            lines.put(l.get("customerCode").asString(), l.get("toClass").asString() + "|" + l.get("reason").asString());
        }
        return lines;
    }
}
