package com.tobacco.retailcrm.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendar over HTTP: seeded years, edits by the right roles, due times, and every bad input as a 400. */
class CalendarApiTest extends ApiTest {

    /** A year far from the seeded ones and from other tests' years, so edits here disturb nothing. */
    private static final int FREE_YEAR = 2090;

    private String marketDept() {
        return userWithRoles("mkt" + unique(), rootOrgCode(), null, List.of("MARKET_DEPT"));
    }

    @Test
    void statutoryHolidaysAreSeededOnFirstStart() {
        var r = http.get("/api/v1/calendar/2026", adminToken("sysadmin"));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("holidays").toString()).contains("2026-10-01", "2026-10-07", "2026-02-16", "2026-10-04");  // a Sunday of the range, as published
        assertThat(r.json().get("workdays").toString()).contains("2026-09-20", "2026-10-10", "2026-02-14");
        assertThat(r.json().get("names").get("2026-10-01").asString()).isEqualTo("国庆节");
    }

    @Test
    void dueTimeOverNationalDayStartsAtTheNextPeriodAndEndsOnAPeriodEnd() {
        String token = userWithRoles("u" + unique(), rootOrgCode(), null, List.of("CUSTOMER_MANAGER"));
        assertThat(due(token, "2026-09-30T16:00:00+08:00", "2", "WORKING_HOUR"))
                .isEqualTo("2026-10-08T10:00:00+08:00");
        assertThat(due(token, "2026-11-02T11:00:00+08:00", "1", "WORKING_HOUR"))
                .isEqualTo("2026-11-02T12:00:00+08:00");
        // 1 working day = 8 working hours (docs/domain/working-calendar.md): Mon 11:00–12:00, 13:00–17:00, then Tue 09:00–12:00,
        // landing exactly on the morning period's end.
        assertThat(due(token, "2026-11-02T03:00:00Z", "1", "WORKING_DAY")).isEqualTo("2026-11-03T12:00:00+08:00");
        assertThat(due(token, "2026-11-02T09:00:00+08:00", "0.5", "WORKING_DAY")).isEqualTo("2026-11-02T14:00:00+08:00");
        assertThat(due(token, "2026-10-03T10:00:00+08:00", "0.5", "HOUR")).isEqualTo("2026-10-03T10:30:00+08:00");
        // an unencoded '+' of the offset arrives as a space and is still understood
        var raw = http.get("/api/v1/calendar/due?start=2026-11-02T11:00:00+08:00&amount=1&unit=WORKING_HOUR", token);
        assertThat(raw.json().get("due").asString()).isEqualTo("2026-11-02T12:00:00+08:00");
    }

    @Test
    void marketDeptReplacesAYearAndDueTimesFollowAtOnce() {
        String token = marketDept();
        var put = http.put("/api/v1/calendar/" + FREE_YEAR, token, Map.of(
                "holidays", List.of(FREE_YEAR + "-03-06", FREE_YEAR + "-03-06", FREE_YEAR + "-03-07"),
                "workdays", List.of(FREE_YEAR + "-03-11")));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().get("holidays").toString()).isEqualTo("[\"2090-03-06\",\"2090-03-07\"]");
        assertThat(put.json().get("source").asString()).isEqualTo("EDITED");
        // 2090-03-06 is a Monday: Friday 16:00 + 2 working hours skips Sat, Sun, Mon and Tue
        assertThat(due(token, "2090-03-03T16:00:00+08:00", "2", "WORKING_HOUR")).isEqualTo("2090-03-08T10:00:00+08:00");
        // the make-up Saturday is worked
        assertThat(due(token, "2090-03-10T16:00:00+08:00", "2", "WORKING_HOUR")).isEqualTo("2090-03-11T10:00:00+08:00");
        var get = http.get("/api/v1/calendar/" + FREE_YEAR, token);
        assertThat(get.json().get("workdays").toString()).isEqualTo("[\"2090-03-11\"]");
    }

    @Test
    void systemAdminMayEditButOtherRolesMayNot() {
        var admin = http.put("/api/v1/calendar/" + (FREE_YEAR + 1), adminToken("sysadmin"),
                Map.of("holidays", List.of(), "workdays", List.of()));
        assertThat(admin.status()).as("%s", admin).isEqualTo(200);
        String manager = userWithRoles("cm" + unique(), rootOrgCode(), null, List.of("CUSTOMER_MANAGER"));
        var refused = http.put("/api/v1/calendar/" + (FREE_YEAR + 1), manager,
                Map.of("holidays", List.of(), "workdays", List.of()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/calendar/2026", null).status()).isEqualTo(401);
    }

    @Test
    void theNoticeAsPublishedIsAcceptedAndItsWeekendHolidaysChangeNothing() {
        String token = marketDept();
        int year = FREE_YEAR + 2;  // 2092-10-04 is a Saturday, 2092-10-08 a Wednesday
        var put = http.put("/api/v1/calendar/" + year, token, Map.of(
                "holidays", List.of("2092-10-01", "2092-10-02", "2092-10-03", "2092-10-04", "2092-10-05"),
                "workdays", List.of("2092-10-08")));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().get("holidays").toString()).contains("2092-10-04");
        assertThat(put.json().get("workdays").toString()).contains("2092-10-08");
        // Fri 10-03 off, Sat/Sun off anyway, Mon 10-06 is the first working day
        assertThat(due(token, "2092-09-30T16:00:00+08:00", "2", "WORKING_HOUR")).isEqualTo("2092-10-06T10:00:00+08:00");
        // the weekday "workday" is an ordinary working day
        assertThat(due(token, "2092-10-07T16:00:00+08:00", "2", "WORKING_HOUR")).isEqualTo("2092-10-08T10:00:00+08:00");
    }

    @Test
    void anOfficialListImportsFromTheOpenDataJsonAndThePagesCsv() {
        String token = marketDept();
        int year = FREE_YEAR + 5;
        String json = "{\"year\":" + year + ",\"papers\":[],\"days\":["
                + "{\"name\":\"国庆节\",\"date\":\"" + year + "-10-01\",\"isOffDay\":true},"
                + "{\"name\":\"国庆节\",\"date\":\"" + year + "-10-02\",\"isOffDay\":true},"
                + "{\"name\":\"国庆节\",\"date\":\"" + year + "-09-29\",\"isOffDay\":false}]}";
        var imported = http.raw("POST", "/api/v1/calendar/" + year + "/import", token, json,
                Map.of("Content-Type", "application/json"));
        assertThat(imported.status()).as("%s", imported).isEqualTo(200);
        assertThat(imported.json().get("holidays").toString()).isEqualTo("[\"2095-10-01\",\"2095-10-02\"]");
        assertThat(imported.json().get("workdays").toString()).isEqualTo("[\"2095-09-29\"]");
        assertThat(imported.json().get("names").get("2095-10-01").asString()).isEqualTo("国庆节");

        String csv = "日期,类型,名称\r\n" + year + "-05-01,节假日,劳动节\r\n" + year + "-05-02,休,劳动节\r\n"
                + year + "-04-26,调休上班,劳动节\r\n";
        var fromCsv = http.raw("POST", "/api/v1/calendar/" + year + "/import", token, csv,
                Map.of("Content-Type", "text/csv"));
        assertThat(fromCsv.status()).as("%s", fromCsv).isEqualTo(200);
        assertThat(fromCsv.json().get("holidays").toString()).isEqualTo("[\"2095-05-01\",\"2095-05-02\"]");
        assertThat(fromCsv.json().get("names").get("2095-04-26").asString()).isEqualTo("劳动节");
    }

    @Test
    void aBadOfficialListIsRefusedAndChangesNothing() {
        String token = marketDept();
        int year = FREE_YEAR + 6;
        String path = "/api/v1/calendar/" + year + "/import";
        var json = Map.of("Content-Type", "application/json");
        assertBadField(http.raw("POST", path, token, "{\"year\":2026,\"days\":[]}", json), "year");
        assertBadField(http.raw("POST", path, token, "{\"year\":" + year + ",\"days\":[]}", json), "days");
        assertBadField(http.raw("POST", path, token, "{\"days\": [", json), "file");
        assertBadField(http.raw("POST", path, token,
                "{\"days\":[{\"date\":\"" + year + "-10-01\",\"isOffDay\":\"yes\"}]}", json), "days[0].isOffDay");
        assertBadField(http.raw("POST", path, token, "日期,类型,名称\n" + year + "-13-01,节假日,x\n",
                Map.of("Content-Type", "text/csv")), "line 2");
        assertBadField(http.raw("POST", path, token, "", Map.of("Content-Type", "text/csv")), "file");
        var refused = http.raw("POST", path, userWithRoles("cm" + unique(), rootOrgCode(), null,
                List.of("CUSTOMER_MANAGER")), "{\"days\":[]}", json);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/calendar/" + year, token).json().get("source").asString()).isEqualTo("DEFAULT");
    }

    @Test
    void wrongDatesAreRefusedNamingTheField() {
        String token = marketDept();
        String path = "/api/v1/calendar/" + FREE_YEAR;
        assertBadField(http.put(path, token, Map.of("holidays", List.of("2089-03-06"), "workdays", List.of())),
                "holidays[0]");  // another year
        assertBadField(http.put(path, token, Map.of("holidays", List.of("2090-02-30"), "workdays", List.of())),
                "holidays[0]");  // no such date
        assertBadField(http.put(path, token, Map.of("workdays", List.of())), "holidays");
        assertBadField(http.put("/api/v1/calendar/1999", token, Map.of("holidays", List.of(), "workdays", List.of())),
                "year");
        assertBadField(http.put("/api/v1/calendar/abc", token, Map.of("holidays", List.of(), "workdays", List.of())),
                "year");
        assertBadField(http.get("/api/v1/calendar/2101", token), "year");
    }

    @Test
    void badDueQuestionsAreRefusedNamingTheField() {
        String token = marketDept();
        assertBadField(http.get("/api/v1/calendar/due?amount=1&unit=HOUR", token), "start");
        assertBadField(http.get("/api/v1/calendar/due?start=yesterday&amount=1&unit=HOUR", token), "start");
        assertBadField(http.get("/api/v1/calendar/due?start=2026-11-02T09:00:00&amount=1&unit=HOUR", token), "start");
        assertBadField(http.get("/api/v1/calendar/due?start=1900-11-02T09:00:00Z&amount=1&unit=HOUR", token), "start");
        String start = "start=" + URLEncoder.encode("2026-11-02T09:00:00+08:00", StandardCharsets.UTF_8);
        assertBadField(http.get("/api/v1/calendar/due?" + start + "&unit=HOUR", token), "amount");
        assertBadField(http.get("/api/v1/calendar/due?" + start + "&amount=0&unit=HOUR", token), "amount");
        assertBadField(http.get("/api/v1/calendar/due?" + start + "&amount=-1&unit=HOUR", token), "amount");
        assertBadField(http.get("/api/v1/calendar/due?" + start + "&amount=1001&unit=HOUR", token), "amount");
        assertBadField(http.get("/api/v1/calendar/due?" + start + "&amount=NaN&unit=HOUR", token), "amount");
        assertBadField(http.get("/api/v1/calendar/due?" + start + "&amount=1&unit=WEEK", token), "unit");
        assertBadField(http.get("/api/v1/calendar/due?" + start + "&amount=1", token), "unit");
        var largest = http.get("/api/v1/calendar/due?" + start + "&amount=1000&unit=WORKING_DAY", token);
        assertThat(largest.status()).as("%s", largest).isEqualTo(200);
    }

    private String due(String token, String start, String amount, String unit) {
        var r = http.get("/api/v1/calendar/due?start=" + URLEncoder.encode(start, StandardCharsets.UTF_8)
                + "&amount=" + amount + "&unit=" + unit, token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("due").asString();
    }

    private static void assertBadField(Http.Response r, String field) {
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("errors").toString()).contains("\"field\":\"" + field + "\"");
    }
}
