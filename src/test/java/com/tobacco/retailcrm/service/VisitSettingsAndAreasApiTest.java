package com.tobacco.retailcrm.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Visit coverage per area (片区) and the versioned default visit cycles with their history. */
class VisitSettingsAndAreasApiTest extends ServiceTestBase {

    @Test
    void coverageIsSummedPerAreaOfTheCustomersManager() {
        People p = people();
        String area = orgUnit("AREA", p.county(), "城关片区" + unique());
        String areaCm = "cm" + unique();
        userWithRoles(areaCm, area, p.mm(), List.of("CUSTOMER_MANAGER"));
        String inArea = customer(p, "片区店" + unique(), "customerManager", areaCm, "visitCycle", "MONTHLY");
        String county = customer(p, "县直店" + unique(), "visitCycle", "MONTHLY");
        YearMonth month = YearMonth.of(2026, 6);
        pastVisit(inArea, areaCm, LocalDate.of(2026, 6, 10), "ROUTINE");

        var r = http.get("/api/v1/visits/coverage?month=" + month, p.mmToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode areas = r.json().get("areas");
        JsonNode line = find(areas, area);
        assertThat(line.get("due").asInt()).isEqualTo(1);
        assertThat(line.get("visited").asInt()).isEqualTo(1);
        assertThat(line.get("coverage").asString()).isEqualTo("1.0000");
        assertThat(line.get("areaName").asString()).startsWith("城关片区");
        JsonNode none = find(areas, null);
        assertThat(none.get("areaName").asString()).as("a manager of the county itself").isEqualTo("未分片区");
        assertThat(none.get("due").asInt()).isEqualTo(1);
        assertThat(none.get("visited").asInt()).isZero();
        assertThat(county).isNotBlank();
        List<String> managerNames = r.json().get("managers").valueStream().map(m -> m.get("managerName").asString())
                .toList();
        assertThat(managerNames).as("people by their names").contains("测试" + areaCm, "测试" + p.cm());
        assertThat(r.json().get("counties").get(0).get("countyCode").asString()).isEqualTo(p.county());
    }

    @Test
    void eachSavedVersionOfTheDefaultCyclesIsKeptWithWhoAndWhen() {
        People p = people();
        var current = http.get("/api/v1/settings/visit-cycles", p.mdToken()).json();
        long version = current.get("version").asLong();
        String unclassified = current.get("unclassified").asString();
        try {
            var saved = http.put("/api/v1/settings/visit-cycles", p.mdToken(), Http.body("version", version,
                    "unclassified", "BIWEEKLY"));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            assertThat(saved.json().get("version").asLong()).isEqualTo(version + 1);
            assertThat(jdbc.queryForObject("select changed_by from visit_cycle_history where version = ?", String.class,
                    version + 1)).isEqualTo(p.md());
            assertThat(jdbc.queryForObject("select cycles from visit_cycle_history where version = ?", String.class,
                    version + 1)).endsWith("UNCLASSIFIED=BIWEEKLY");
            assertThat(http.put("/api/v1/settings/visit-cycles", p.mdToken(), Http.body("version", version,
                    "unclassified", "WEEKLY")).status()).as("stale version").isEqualTo(409);
            assertThat(http.put("/api/v1/settings/visit-cycles", p.mmToken(), Http.body("version", version + 1,
                    "unclassified", "WEEKLY")).status()).as("only the market department").isEqualTo(403);
        } finally {
            long now = http.get("/api/v1/settings/visit-cycles", p.mdToken()).json().get("version").asLong();
            http.put("/api/v1/settings/visit-cycles", p.mdToken(), Map.of("version", now, "unclassified", unclassified));
        }
    }

    private static JsonNode find(JsonNode areas, String code) {
        for (JsonNode a : areas) {
            JsonNode c = a.get("areaCode");
            if (code == null ? c == null || c.isNull() : c != null && code.equals(c.asString())) {
                return a;
            }
        }
        throw new AssertionError("no area " + code + " in " + areas);
    }
}
