package com.tobacco.retailcrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.FileTransfer;
import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A month's agent figures imported from CSV or xlsx, all or nothing: a good file replaces the month, a file with any
 * bad row stores nothing and names each row and field; upload problems are 400 problem+json, never 500.
 */
class AgentScoreImportApiTest extends ApiTest {

    private static final String HEADER = "话务员账号,话务量,投诉电话,月话务目标,监听得分,测试电话得分,被投诉次数,培训平均分,缺勤次数\n";

    /** Each test its own month: the agents' list is company-wide, so two tests sharing a month saw each other's rows. */
    private static final AtomicInteger MONTHS = new AtomicInteger();

    private String head;
    private String agentA;
    private String agentB;
    private String agentToken;
    private String month;
    private FileTransfer files;

    @BeforeEach
    void people() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "客服部" + unique());
        head = userWithRoles("sh" + unique(), dept, null, List.of("SERVICE_HEAD"));
        agentA = "ag" + unique();
        agentToken = userWithRoles(agentA, dept, null, List.of("SERVICE_AGENT"));
        agentB = "ag" + unique();
        userWithRoles(agentB, dept, null, List.of("SERVICE_AGENT"));
        month = YearMonth.of(2032, 1).plusMonths(MONTHS.getAndIncrement()).toString();
        files = new FileTransfer(http.base());
    }

    private FileTransfer.Result upload(String name, byte[] content) {
        return files.upload("/api/v1/agent-scores/" + month + "/import", head, name, content, Map.of());
    }

    private JsonNode agents() {
        return http.get("/api/v1/kpi/agents?month=" + month, head).json().get("items");
    }

    @Test
    void aGoodCsvReplacesTheMonthAndAnXlsxIsReadToo() throws IOException {
        String csv = HEADER + agentA + ",1250,50,1000,92,87.5,2,88,1\n" + agentB + ",800,0,1000,90,90,0,80,0\n";
        var r = upload("agents.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).isEqualTo(2);
        assertThat(r.json().get("errors")).isEmpty();
        assertThat(agents()).hasSize(2);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Workbook wb = new Workbook(xlsx, "test", "1.0");
        Worksheet ws = wb.newWorksheet("话务员考核");
        List<String> header = List.of(HEADER.strip().split(","));
        for (int i = 0; i < header.size(); i++) {
            ws.value(0, i, header.get(i));
        }
        ws.value(1, 0, agentB);
        Object[] figures = {900, 100, 1000, 95, 85.5, 1, 90, 2};
        for (int i = 0; i < figures.length; i++) {
            ws.value(1, i + 1, (Number) figures[i]);
        }
        wb.finish();
        var x = upload("agents.xlsx", xlsx.toByteArray());
        assertThat(x.status()).as("%s", x).isEqualTo(200);
        JsonNode items = agents();
        assertThat(items).as("the month replaced as a whole").hasSize(1);
        assertThat(items.get(0).get("agent").asString()).isEqualTo(agentB);
        assertThat(items.get(0).get("callVolumeIndex").asString()).isEqualTo("80.00");
    }

    @Test
    void aFileWithABadRowStoresNothingAndNamesEachRowAndField() {
        assertThat(http.put("/api/v1/agent-scores/" + month, head, List.of(Http.body("agent", agentA, "calls", 10,
                "complaintCalls", 0, "callTarget", 10, "monitoringScore", 90, "testCallScore", 90, "complaints", 0,
                "trainingScore", 90, "absences", 0))).status()).isEqualTo(200);
        String csv = HEADER + agentB + ",800,0,1000,90,90,0,80,0\n" + agentA + ",八百,0,1000,90,90,0,80,0\n"
                + "nobody,800,0,1000,101,90,0,80,0\n" + agentB + ",800,0,1000,90,90,0,80,0\n";
        var r = upload("agents.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("整个文件未导入");
        assertThat(r.text()).contains("{\"row\":3,\"field\":\"calls\"").contains("{\"row\":4,\"field\":\"agent\"")
                .contains("{\"row\":4,\"field\":\"monitoringScore\"").contains("{\"row\":5,\"field\":\"agent\"")
                .contains("同一话务员");
        JsonNode items = agents();
        assertThat(items).as("the month as it was").hasSize(1);
        assertThat(items.get(0).get("agent").asString()).isEqualTo(agentA);
    }

    @Test
    void uploadProblemsAre400ProblemsAndOnlyEditorsImport() throws Exception {
        var empty = upload("agents.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        var headerOnly = upload("agents.csv", HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.status()).isEqualTo(400);
        assertThat(headerOnly.text()).contains("1 到 2000 行");
        var garbage = upload("agents.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThat(garbage.status()).as("%s", garbage).isEqualTo(400);
        assertThat(files.upload("/api/v1/agent-scores/2032-13/import", head, "a.csv",
                (HEADER + agentA + ",1,0,1,1,1,0,1,0\n").getBytes(StandardCharsets.UTF_8), Map.of()).status())
                .isEqualTo(400);

        String boundary = "----crm" + unique();
        HttpResponse<String> broken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base()
                        + "/api/v1/agent-scores/" + month + "/import")).header("Authorization", "Bearer " + head)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.csv\"\r\n\r\nno closing boundary", StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

        byte[] good = (HEADER + agentA + ",1,0,1,1,1,0,1,0\n").getBytes(StandardCharsets.UTF_8);
        assertThat(files.upload("/api/v1/agent-scores/" + month + "/import", adminToken("sysadmin"), "a.csv", good,
                Map.of()).status()).isEqualTo(403);
        assertThat(files.upload("/api/v1/agent-scores/" + month + "/import", agentToken, "a.csv", good, Map.of())
                .status()).isEqualTo(403);
        assertThat(agents()).isEmpty();
    }
}
