package com.tobacco.retailcrm.report;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indicator benchmarks' data and baseline: ACTIVE customers of 150 managers in one county loaded with COPY, a
 * month of daily orders for each (about 30 per customer) and a complaint for one in a hundred; and the figure
 * families of one month as bare SQL statements on the tables, with their bind values.
 */
final class KpiBenchData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private KpiBenchData() {
    }

    /** Loads {@code customers} customers and {@code month}'s orders and complaints; the customers' code prefix. */
    static String load(JdbcTemplate jdbc, DataSource dataSource, int customers, long countyId, YearMonth month)
            throws Exception {
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
        Date first = Date.valueOf(month.atDay(1));
        Date next = Date.valueOf(month.plusMonths(1).atDay(1));
        jdbc.update("""
                insert into order_daily (customer_code, day, ordered, succeeded, electronic, received_at)
                select c.customer_code, d::date, h % 10 <> 0, h % 10 <> 0 and h % 7 <> 0,
                       h % 10 <> 0 and h % 7 <> 0 and h % 3 <> 0, now()
                from customer c cross join generate_series(?::date, ?::date - 1, interval '1 day') d
                cross join lateral (select abs(hashtext(c.customer_code || d::text)) as h) x
                where c.customer_code like ?""", first, next, prefix + "%");
        Timestamp received = Timestamp.from(month.atDay(5).atStartOfDay(ZONE).toInstant());
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
        return prefix;
    }

    /** The bind values of statement {@code i}: every one but the archive's reads the month. */
    static Object[] args(int i, int count, YearMonth month) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(ZONE).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant());
        if (i == 0) {
            return new Object[0];
        }
        if (i == count - 1 || i == 3) {
            return new Object[] {Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1))};
        }
        return new Object[] {from, to};
    }

    /**
     * The figure families as one bare statement each, in the order of {@link #args}: archive with completeness (its
     * expression built from the dictionary's counted fields), new customers, change requests, visits, complaints,
     * ratings, orders.
     */
    static List<String> bareStatements(JdbcTemplate jdbc) {
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

    /** Runs every bare statement of the month once, reading every row. */
    static void runBare(JdbcTemplate jdbc, List<String> bare, YearMonth month) {
        for (int i = 0; i < bare.size(); i++) {
            jdbc.query(bare.get(i), rs -> {
            }, args(i, bare.size(), month));
        }
    }
}
