package com.tobacco.retailcrm.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * A county of our own for service tests: a head, a market manager, two customer managers reporting to the market
 * manager, a market-department user, and customers of the first customer manager made as each test needs them.
 */
public abstract class ServiceTestBase extends ApiTest {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public record People(String county, String head, String headToken, String mm, String mmToken, String cm,
                         String cmToken, String cm2, String cm2Token, String md, String mdToken) {
    }

    protected People people() {
        String county = orgUnit("COUNTY", rootOrgCode(), "服务县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String head = "hd" + unique();
        String headToken = userWithRoles(head, county, null, List.of("COUNTY_HEAD"));
        String mm = "mm" + unique();
        String mmToken = userWithRoles(mm, county, head, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        String cmToken = userWithRoles(cm, county, mm, List.of("CUSTOMER_MANAGER"));
        String cm2 = "cm" + unique();
        String cm2Token = userWithRoles(cm2, county, mm, List.of("CUSTOMER_MANAGER"));
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        return new People(county, head, headToken, mm, mmToken, cm, cmToken, cm2, cm2Token, md, mdToken);
    }

    /**
     * Visits "minutes ago" (up to two hours) must fall on the day the test's customers are registered, which they do
     * not just after midnight (Asia/Shanghai), when the rule rightly refuses a visit before the customer existed: the
     * test clock moves on to 02:00 then (it only ever moves forward).
     */
    @BeforeEach
    void awayFromMidnight() {
        awayFromMidnight(clock);
    }

    /** The same for browser tests of service pages, which record visits up to an hour back. */
    public static void awayFromMidnight(com.tobacco.retailcrm.support.MutableClock clock) {
        LocalTime time = clock.instant().atZone(ZONE).toLocalTime();
        if (time.isBefore(LocalTime.of(2, 0))) {
            clock.advance(Duration.between(time, LocalTime.of(2, 0)));
        }
    }

    /** An ACTIVE customer of the first customer manager with extra archive fields; returns its code. */
    protected String customer(People p, String storeName, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits(12));
        body.put("licenceNo", digits(12));
        body.put("storeName", storeName);
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        body.put("customerManager", p.cm());
        body.put("countyCode", p.county());
        body.putAll(Http.body(fields));
        var r = http.post("/api/v1/customers", p.mdToken(), body);
        assertThat(r.status()).as("create customer: %s", r).isEqualTo(201);
        return r.json().get("customerCode").asString();
    }

    protected String at(Duration ago) {
        return clock.instant().minus(ago).truncatedTo(ChronoUnit.SECONDS).atZone(ZONE).toOffsetDateTime().toString();
    }

    protected LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    protected Map<String, Object> visit(String code, Duration ago, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", code);
        body.put("visitedAt", at(ago));
        body.put("purpose", "ROUTINE");
        body.put("findings", "店面整洁，陈列规范");
        body.putAll(Http.body(fields));
        return body;
    }

    /** A visit row of a past day, for coverage of past months (the API takes at most 31 days back). */
    protected void pastVisit(String code, String manager, LocalDate day, String purpose) {
        jdbc.update("""
                insert into visit (customer_code, visited_by, visited_at, visit_date, purpose, findings, created_at)
                values (?, ?, ?, ?, ?, '历史拜访', now())""", code, manager,
                java.sql.Timestamp.from(day.atTime(10, 0).atZone(ZONE).toInstant()), day, purpose);
    }
}
