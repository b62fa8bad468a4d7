package com.tobacco.retailcrm.report;

import static com.tobacco.retailcrm.support.BenchTiming.time;
import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 性能基准 of 客户经理考核 — runs only with {@code ./mvnw -Pbench test -Dtest=ManagerKpiBenchmark}: 300,000 ACTIVE
 * customers of 150 managers and a month of daily orders for each (about 9 million rows), then the month's manager
 * indicators over HTTP for the market department (company-wide) against the same aggregates as bare SQL statements
 * on the tables (archive with completeness, new customers, change requests, visits, complaints, survey ratings,
 * orders), run one after another in the same run; prints both medians and their ratio (the goal is at most 2).
 */
@Tag("bench")
class ManagerKpiBenchmark extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MONTH = YearMonth.of(2026, 6);

    @Autowired
    DataSource dataSource;

    @Test
    void managerIndicatorsOfAMonthAreWithinTwiceTheBareAggregates() throws Exception {
        int customers = Integer.getInteger("bench.customers", 300_000);
        String county = orgUnit("COUNTY", rootOrgCode(), "基准县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        long countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, county);
        List<String> report = new ArrayList<>();
        Instant start = Instant.now();
        String prefix = String.valueOf(1000 + new Random().nextInt(9000));
        Random random = new Random(20261203);
        for (int from = 0; from < customers; from += 50_000) {
            StringBuilder copy = new StringBuilder();
            for (int i = from; i < Math.min(customers, from + 50_000); i++) {
                String code = prefix + String.format("%08d", i);
                copy.append(countyId).append('\t').append(code).append('\t').append(code).append("\t基准店").append(i)
                        .append("\t2\t1\tACTIVE\tbm").append(i % 150).append('\t').append(1 + random.nextInt(3))
                        .append(random.nextBoolean() ? "\t13900000000" : "\t\\N")
                        .append("\tWEEKLY\tONLINE\tELECTRONIC\t2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\tbench\n");
            }
            try (Connection con = dataSource.getConnection()) {
                con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy customer (county_org_unit_id, customer_code, licence_no, store_name, retail_format,
                          market_type, status, customer_manager, business_scale, contact_person, order_frequency,
                          order_method, settlement_method, created_at, updated_at, created_by)
                        from stdin""", new StringReader(copy.toString()));
            }
        }
        Date first = Date.valueOf(MONTH.atDay(1));
        Date next = Date.valueOf(MONTH.plusMonths(1).atDay(1));
        jdbc.update("""
                insert into order_daily (customer_code, day, ordered, succeeded, electronic, received_at)
                select c.customer_code, d::date, h % 10 <> 0, h % 10 <> 0 and h % 7 <> 0,
                       h % 10 <> 0 and h % 7 <> 0 and h % 3 <> 0, now()
                from customer c cross join generate_series(?::date, ?::date - 1, interval '1 day') d
                cross join lateral (select abs(hashtext(c.customer_code || d::text)) as h) x
                where c.customer_code like ?""", first, next, prefix + "%");
        Timestamp received = Timestamp.from(MONTH.atDay(5).atStartOfDay(ZONE).toInstant());
        jdbc.update("""
                insert into complaint (number, channel, category, priority, status, customer_code, customer_manager,
                    customer_county_id, contact_name, contact_phone, description, received_at, created_at,
                    first_contact_owner, due_first_response_at, due_resolution_at, resolved_at)
                select 'B' || customer_code, 'PHONE', 'DELIVERY', 'NORMAL', 'CLOSED', customer_code, customer_manager,
                       county_org_unit_id, '基准', 'x', '基准投诉', ?, ?, 'agent', ?, ?::timestamptz + interval '72 hours',
                       ?::timestamptz + (abs(hashtext(customer_code)) % 97) * interval '1 hour'
                from customer where customer_code like ? and abs(hashtext(customer_code)) % 100 = 0""",
                received, received, received, received, received, prefix + "%");
        jdbc.execute("vacuum (analyze) customer");
        jdbc.execute("vacuum (analyze) order_daily");
        jdbc.execute("vacuum (analyze) complaint");
        long orders = jdbc.queryForObject("select count(*) from order_daily where day >= ? and day < ?", Long.class,
                first, next);
        report.add(String.format("loaded %,d customers and %,d daily order rows of %s in %.1f s", customers, orders,
                MONTH, Duration.between(start, Instant.now()).toMillis() / 1000.0));

        List<String> bare = bareStatements();
        long[] bareTotals = new long[2];
        List<Long> bareMicros = time(() -> {
            bareTotals[0] = 0;
            bareTotals[1] = 0;
            for (int i = 0; i < bare.size(); i++) {
                int statement = i;
                jdbc.query(bare.get(i), rs -> {
                    if (statement == 0) {
                        bareTotals[0] += rs.getLong(3);
                    } else if (statement == bare.size() - 1) {
                        bareTotals[1] += rs.getLong(4);
                    }
                }, args(i, bare.size()));
            }
        });
        long[] apiTotals = new long[2];
        List<Long> apiMicros = time(() -> {
            Http.Response r = http.get("/api/v1/kpi/managers?month=" + MONTH, md);
            assertThat(r.status()).isEqualTo(200);
            apiTotals[0] = 0;
            apiTotals[1] = 0;
            r.json().get("items").forEach(i -> apiTotals[0] += i.get("customers").asLong());
            apiTotals[1] = r.json().get("items").size();
        });
        assertThat(apiTotals[0]).as("the API counts the customers the bare statement counts").isEqualTo(bareTotals[0]);
        double ratio = (double) apiMicros.get(apiMicros.size() / 2) / bareMicros.get(bareMicros.size() / 2);
        report.add(String.format("%,d managers, %,d customers; %,d orders succeeded", apiTotals[1], apiTotals[0],
                bareTotals[1]));
        report.add(String.format("bare SQL statements median %7.1f ms (min %7.1f)",
                bareMicros.get(bareMicros.size() / 2) / 1000.0, bareMicros.get(0) / 1000.0));
        report.add(String.format("GET kpi/managers    median %7.1f ms (min %7.1f)",
                apiMicros.get(apiMicros.size() / 2) / 1000.0, apiMicros.get(0) / 1000.0));
        report.add(String.format("ratio API / bare SQL = %.2f (goal ≤ 2)", ratio));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/bench-manager-kpi.txt"), report, StandardCharsets.UTF_8);
        report.forEach(line -> System.out.println("[bench] " + line));
        assertThat(ratio).isLessThanOrEqualTo(2.0);
    }

    /** The bind values of statement {@code i}: every one but the archive's reads the month. */
    private Object[] args(int i, int count) {
        Timestamp from = Timestamp.from(MONTH.atDay(1).atStartOfDay(ZONE).toInstant());
        Timestamp to = Timestamp.from(MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant());
        if (i == 0) {
            return new Object[0];
        }
        if (i == count - 1 || i == 3) {
            return new Object[] {Date.valueOf(MONTH.atDay(1)), Date.valueOf(MONTH.plusMonths(1).atDay(1))};
        }
        return new Object[] {from, to};
    }

    /**
     * The figure families as one bare statement each, in the order of {@link #args}: archive with completeness (its
     * expression built from the dictionary's counted fields), new customers, change requests, visits, complaints,
     * ratings, orders.
     */
    private List<String> bareStatements() {
        List<String> filled = jdbc.queryForList("""
                select case when column_name is null then '((custom_fields ->> ''' || key || ''') is not null)::int'
                            else '(' || column_name || ' is not null)::int' end
                from customer_field where maintenance <> 'SYSTEM' and required_level <> 'OPTIONAL'""", String.class);
        String completeness = "floor((" + String.join(" + ", filled) + ") * 100.0 / " + filled.size() + ") / 100.0";
        return List.of(
                "select customer_manager, county_org_unit_id, count(*), sum(" + completeness + ") from customer"
                        + " where status = 'ACTIVE' group by 1, 2",
                "select customer_manager, county_org_unit_id, created_at from customer c where status <> 'CANCELLED'"
                        + " and " + completeness + " < 1 and created_at >= ?::timestamptz - interval '31 days'"
                        + " and created_at < ? and exists (select 1 from customer_history h where h.customer_id = c.id"
                        + " and h.field = 'customerCode' and h.old_value is null)",
                "select r.customer_manager, r.county_id, count(*), count(*) filter (where r.closed_at <= f.due_at)"
                        + " from change_request r left join wf_case f on f.id = r.id where r.status in ('APPLIED',"
                        + " 'COMPLETED') and r.closed_at >= ? and r.closed_at < ? group by 1, 2",
                """
                select c.customer_manager, sum(c.due), sum(least(coalesce(m.n, 0), c.due))
                from (select customer_code, customer_manager, case coalesce(visit_cycle, case business_scale
                        when '1' then 'WEEKLY' when '2' then 'BIWEEKLY' else 'MONTHLY' end)
                        when 'WEEKLY' then 5 when 'BIWEEKLY' then 3 else 1 end as due
                      from customer where status = 'ACTIVE' and customer_manager is not null) c
                left join (select customer_code, count(*) as n from visit where visit_date >= ? and visit_date < ?
                           group by customer_code) m on m.customer_code = c.customer_code
                group by c.customer_manager""",
                "select c.customer_manager, c.customer_county_id, count(*), count(*) filter (where c.resolved_at <="
                        + " c.due_resolution_at), count(*) filter (where c.resolved_at > c.due_resolution_at),"
                        + " coalesce(sum(b.n), 0) from complaint c left join (select complaint_id, count(*) n from"
                        + " complaint_callback group by 1) b on b.complaint_id = c.id where c.received_at >= ?"
                        + " and c.received_at < ? group by 1, 2",
                "select a.customer_manager, a.county_org_unit_id, count(w.rating), sum(w.rating) from survey_assignment a"
                        + " join survey_answer w on w.assignment_id = a.id where a.status = 'ANSWERED'"
                        + " and a.answered_at >= ? and a.answered_at < ? group by 1, 2",
                "select c.customer_manager, c.county_org_unit_id, count(*) filter (where o.ordered),"
                        + " count(*) filter (where o.succeeded), count(*) filter (where o.electronic)"
                        + " from order_daily o join customer c on c.customer_code = o.customer_code"
                        + " where o.day >= ? and o.day < ? group by 1, 2");
    }
}
