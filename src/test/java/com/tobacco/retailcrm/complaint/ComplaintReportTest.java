package com.tobacco.retailcrm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The monthly analysis on a small month worked out by hand: complaints of our own county's customers are taken in
 * through the API and then moved back to March 2025 (and February, April around it), far from any other test's rows.
 */
class ComplaintReportTest extends ComplaintTestBase {

    @Test
    void monthlyFiguresOfAHandComputedMonth() {
        People p = people();
        String c1 = customer(p, "一号店" + unique());
        String c2 = customer(p, "二号店" + unique());
        String c3 = customer(p, "三号店" + unique());
        String c4 = customer(p, "四号店" + unique());

        // A: delivery by phone, handled on time, satisfied, closed
        long a = taken(p, c1, "DELIVERY", "PHONE", "NORMAL");
        handle(p, a, "线路调整");
        act(p.agentToken(), a, "callback", "satisfaction", "SATISFIED");
        act(p.agentToken(), a, "close");
        // B: the same customer and category 17 days later (a repeat); reopened once, resolved late in the end
        long b = taken(p, c1, "DELIVERY", "HOTLINE_12313", "NORMAL");
        handle(p, b, "线路调整");
        act(p.agentToken(), b, "callback", "satisfaction", "UNSATISFIED", "note", "仍晚");
        act(p.cmToken(), b, "resolve", "reply", "再次答复");
        act(p.agentToken(), b, "callback", "satisfaction", "BASICALLY_SATISFIED");
        // C: price online, urgent, assigned but never answered (a repeat of F in February)
        long c = taken(p, c2, "PRICE", "ONLINE", "URGENT");
        act(p.agentToken(), c, "assign", "assignee", p.cm());
        // D: supply at a visit, never assigned, received in the last half hour of March
        long d = taken(p, c3, "SUPPLY", "VISIT", "NORMAL");
        // E: supply by phone for another customer, handled on time, satisfied
        long e = taken(p, c1, "SUPPLY", "PHONE", "NORMAL");
        handle(p, e, null);
        act(p.agentToken(), e, "callback", "satisfaction", "SATISFIED");
        // February: F (price, customer 2) and G (other, customer 4); April: H (just after the month ends)
        long f = taken(p, c2, "PRICE", "PHONE", "NORMAL");
        long g = taken(p, c4, "OTHER", "LETTER", "NORMAL");
        long h = taken(p, c1, "DELIVERY", "PHONE", "NORMAL");

        moveTo(a, "2025-03-03T10:00");
        moveTo(b, "2025-03-20T10:00");
        moveTo(c, "2025-03-10T09:00");
        moveTo(d, "2025-03-31T23:30");
        moveTo(e, "2025-03-25T15:00");
        moveTo(f, "2025-02-25T11:00");
        moveTo(g, "2025-02-10T08:00");
        moveTo(h, "2025-04-01T00:30");
        jdbc.update("update complaint set resolved_at = due_resolution_at + interval '1 hour' where id = ?", b);

        var r = http.get("/api/v1/reports/complaints?month=2025-03&countyCode=" + p.county(), p.mdToken());
        assertThat(r.status()).as("report: %s", r).isEqualTo(200);
        JsonNode m = r.json();
        assertThat(m.get("total").asLong()).isEqualTo(5);
        assertThat(counts(m.get("byCategory"), "category")).containsExactly(Map.entry("DELIVERY", 2L),
                Map.entry("SUPPLY", 2L), Map.entry("PRICE", 1L));
        assertThat(counts(m.get("byChannel"), "channel")).containsExactly(Map.entry("PHONE", 2L),
                Map.entry("HOTLINE_12313", 1L), Map.entry("ONLINE", 1L), Map.entry("VISIT", 1L));
        assertThat(counts(m.get("byDepartment"), "name")).containsExactly(
                Map.entry(jdbc.queryForObject("select name from org_unit where code = ?", String.class, p.county()), 4L),
                Map.entry("未分派", 1L));
        assertThat(m.get("activeCustomers").asLong()).isEqualTo(4);
        assertThat(m.get("perThousandActiveCustomers").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(m.get("firstResponse").get("onTime").asLong()).isEqualTo(3);
        assertThat(m.get("firstResponse").get("late").asLong()).isEqualTo(2);
        assertThat(m.get("firstResponse").get("rate").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(m.get("resolution").get("onTime").asLong()).isEqualTo(2);
        assertThat(m.get("resolution").get("late").asLong()).isEqualTo(3);
        assertThat(m.get("resolution").get("rate").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(counts(m.get("callbackSatisfaction"), "satisfaction")).containsExactly(
                Map.entry("SATISFIED", 2L), Map.entry("BASICALLY_SATISFIED", 1L), Map.entry("UNSATISFIED", 1L));
        assertThat(m.get("satisfiedRate").decimalValue()).isEqualByComparingTo(new BigDecimal("75.0"));
        assertThat(m.get("repeatComplaints").asLong()).isEqualTo(2);
        assertThat(counts(m.get("topCauses"), "cause")).containsExactly(Map.entry("线路调整", 2L));
        assertThat(m.get("previousMonth").get("total").asLong()).isEqualTo(2);
        assertThat(m.get("previousMonth").get("changeRate").decimalValue()).isEqualByComparingTo("150.0");
        assertThat(counts(m.get("previousMonth").get("byCategory"), "category")).containsExactly(
                Map.entry("OTHER", 1L), Map.entry("PRICE", 1L));

        var xlsx = http.get("/api/v1/reports/complaints/export?month=2025-03&countyCode=" + p.county(), p.mdToken());
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");
        assertThat(http.get("/api/v1/reports/complaints?month=2025-3x", p.mdToken()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/reports/complaints?month=2025-03", p.cmToken()).status()).isEqualTo(403);
    }

    private long taken(People p, String customer, String category, String channel, String priority) {
        return intake(p.agentToken(), complaint(Duration.ofMinutes(30), "customerCode", customer, "category", category,
                "channel", channel, "priority", priority)).get("id").asLong();
    }

    private void handle(People p, long id, String cause) {
        act(p.agentToken(), id, "assign", "assignee", p.cm());
        act(p.cmToken(), id, "respond", "message", "已联系");
        act(p.cmToken(), id, "resolve", "reply", "已答复", "cause", cause);
    }

    /** Moves a complaint and everything that happened to it so that it was received at {@code local} (Shanghai). */
    private void moveTo(long id, String local) {
        OffsetDateTime to = LocalDateTime.parse(local).atZone(ZONE).toOffsetDateTime();
        Long shift = jdbc.queryForObject("select extract(epoch from (?::timestamptz - received_at))::bigint"
                + " from complaint where id = ?", Long.class, to.toString(), id);
        String by = " + ? * interval '1 second'";
        jdbc.update("update complaint set received_at = received_at" + by + ", created_at = created_at" + by
                        + ", due_first_response_at = due_first_response_at" + by + ", due_resolution_at = due_resolution_at"
                        + by + ", first_response_at = first_response_at" + by + ", resolved_at = resolved_at" + by
                        + ", closed_at = closed_at" + by + " where id = ?", shift, shift, shift, shift, shift, shift,
                shift, id);
        jdbc.update("update complaint_event set at = at" + by + " where complaint_id = ?", shift, id);
        jdbc.update("update complaint_callback set at = at" + by + " where complaint_id = ?", shift, id);
    }

    private static Map<String, Long> counts(JsonNode list, String key) {
        Map<String, Long> m = new LinkedHashMap<>();
        list.forEach(n -> m.put(n.get(key).asString(), n.get("count").asLong()));
        return m;
    }
}
