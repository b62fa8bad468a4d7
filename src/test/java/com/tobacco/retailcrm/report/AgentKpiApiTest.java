package com.tobacco.retailcrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The service head puts a month's agent figures and the coefficients; the indices follow the seeds' formulas. */
class AgentKpiApiTest extends ApiTest {

    @Test
    void aMonthsFiguresGiveTheIndicesUnderTheCurrentCoefficients() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "客服部" + unique());
        String head = userWithRoles("sh" + unique(), dept, null, List.of("SERVICE_HEAD"));
        String agent = "ag" + unique();
        userWithRoles(agent, dept, null, List.of("SERVICE_AGENT"));
        String month = "2031-0" + (1 + (int) (Math.random() * 9));
        var put = http.put("/api/v1/agent-scores/" + month, head, List.of(Http.body("agent", agent, "calls", 1250,
                "complaintCalls", 50, "callTarget", 1000, "monitoringScore", 92, "testCallScore", 87.5, "complaints", 2,
                "trainingScore", 88, "absences", 1)));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        JsonNode settings = http.get("/api/v1/settings/agent-kpi", head).json();
        var changed = http.put("/api/v1/settings/agent-kpi", head, Http.body("complaintCoefficient", 4,
                "attendanceCoefficient", 3, "version", settings.get("version").asLong()));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(http.put("/api/v1/settings/agent-kpi", head, Http.body("complaintCoefficient", 4,
                "attendanceCoefficient", 3, "version", settings.get("version").asLong())).status()).isEqualTo(409);

        JsonNode row = http.get("/api/v1/kpi/agents?month=" + month, head).json().get("items").get(0);
        assertThat(row.get("callVolumeIndex").asString()).isEqualTo("120.00");
        assertThat(row.get("serviceQualityIndex").asString()).isEqualTo("81.75");
        assertThat(row.get("trainingIndex").asString()).isEqualTo("85.00");
        assertThat(http.get("/api/v1/kpi/agents?month=" + month + "&format=xlsx", head).contentType())
                .contains("spreadsheetml");
        http.put("/api/v1/settings/agent-kpi", head, Http.body("complaintCoefficient", 5, "attendanceCoefficient", 2,
                "version", settings.get("version").asLong() + 1));
    }

    @Test
    void badFiguresAreRefusedNamingRowAndFieldAndAdminsAreRefused() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "客服部" + unique());
        String head = userWithRoles("sh" + unique(), dept, null, List.of("SERVICE_HEAD"));
        var r = http.put("/api/v1/agent-scores/2031-12", head, List.of(Map.of("agent", "nobody", "calls", 10,
                "complaintCalls", 20, "callTarget", 0, "monitoringScore", 101, "testCallScore", 80, "complaints", 0,
                "trainingScore", 80, "absences", -1)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("[0].agent").contains("[0].callTarget").contains("[0].monitoringScore")
                .contains("[0].absences");
        assertThat(http.put("/api/v1/agent-scores/2031-13", head, List.of()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/kpi/agents", adminToken("sysadmin")).status()).isEqualTo(403);
    }
}
