package com.tobacco.retailcrm.classification.persistence;

import com.tobacco.retailcrm.classification.domain.Period;
import com.tobacco.retailcrm.classification.domain.ScaleShares;
import com.tobacco.retailcrm.classification.domain.TierScheme;
import com.tobacco.retailcrm.customer.api.CustomerFacts;
import com.tobacco.retailcrm.customer.api.SystemFieldWriter;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 分类运行 in SQL. The run is computed by one INSERT … SELECT: the period's purchases summed per customer, joined
 * to the ACTIVE customers of the archive's published view, format totals and ranks by window functions, scale,
 * class and tier by the rules of docs/domain/classification.md, and the format summary (with the count of changed classes)
 * written from the inserted rows, so the results are read once.
 */
@Repository
public class RunStore {

    /**
     * The run's results as one SELECT (parameters: period from, to; large and small scale fractions; tier boundary
     * denominator, tier count, boundary
     * numerators, tier count; run id), one row per ACTIVE customer with a format. The ordering weight q·A + a·Q equals
     * 2·Q·A·score: it ranks exactly like the score but is a product of exact decimals, with no division, so scores
     * that are equal by hand are equal here (a rounded quotient could split 1/3 + 1/3 from 2/3). Each format's
     * customer count for the tier boundaries is counted on its own so that the per-customer rows are read once.
     */
    public static final String RESULTS = """
            with bought as (
                select p.customer_code, sum(p.qty) as qty, sum(p.amount) as amount
                from purchase p where p.order_date between ? and ? group by p.customer_code
            ), totals as (
                select f.customer_code, f.county_org_unit_id, f.market_type, f.retail_format,
                       f.business_scale, f.customer_class, f.tier,
                       coalesce(b.qty, 0) as qty, coalesce(b.amount, 0) as amount,
                       sum(coalesce(b.qty, 0)) over w as total_qty, sum(coalesce(b.amount, 0)) over w as total_amount,
                       count(*) over w as n
                from %1$s f left join bought b on b.customer_code = f.customer_code
                where f.status = 'ACTIVE' and f.retail_format is not null
                window w as (partition by f.retail_format)
            ), weighted as (
                select t.*, t.qty * t.total_amount + t.amount * t.total_qty as weight,
                       t.total_qty > 0 and t.total_amount > 0 as classified
                from totals t
            ), ranked as (
                select w.*, rank() over (partition by w.retail_format order by w.weight desc) as position,
                       round(w.n * ?::numeric) as k_large, round(w.n * ?::numeric) as k_small
                from weighted w
            ), tier_starts as (
                select f.retail_format,
                       coalesce(array_agg((round(f.n * b.num / ?) + 1)::bigint order by b.t) filter (where b.t < ?),
                                '{}'::bigint[]) as starts
                from (select retail_format, count(*) as n from %1$s
                      where status = 'ACTIVE' and retail_format is not null group by retail_format) f
                     cross join unnest(?::numeric[]) with ordinality as b(num, t)
                group by f.retail_format
            ), scaled as (
                select r.*, case when not r.classified then null
                                 when r.position <= r.k_large then '1'
                                 when r.position > r.n - r.k_small then '3'
                                 else '2' end as scale,
                       case when r.classified then ? - width_bucket(r.position, s.starts) end as new_tier
                from ranked r join tier_starts s on s.retail_format = r.retail_format
            )
            select ?::bigint as run_id, s.customer_code, s.county_org_unit_id, s.market_type, s.retail_format, s.qty,
                   s.amount,
                   case when s.classified then round(s.weight / (2 * s.total_qty * s.total_amount), 12) end as score,
                   case when s.classified then s.position end as rank,
                   s.scale as business_scale,
                   case when s.scale is not null and s.market_type is not null
                        then s.market_type || '-' || s.retail_format || '-' || s.scale end as customer_class,
                   s.new_tier as tier, s.business_scale as previous_scale, s.customer_class as previous_class,
                   s.tier as previous_tier
            from scaled s
            """.formatted(CustomerFacts.VIEW);

    /**
     * The run: {@link #RESULTS} inserted (in no particular order: the results' index is on run_id alone), and the
     * format summary with the count of changed classes written from the inserted rows, so the results are read once.
     * Parameters: those of RESULTS, then the run id once more.
     */
    private static final String COMPUTE = """
            with inserted as (
                insert into classification_result (run_id, customer_code, county_org_unit_id, market_type,
                    retail_format, qty, amount, score, rank, business_scale, customer_class, tier,
                    previous_scale, previous_class, previous_tier)
                %s
                returning retail_format, qty, amount, rank, customer_class, previous_class
            )
            insert into classification_run_format (run_id, retail_format, customers, total_qty, total_amount,
                classified, changed)
            select ?, retail_format, count(*), sum(qty), sum(amount), bool_or(rank is not null),
                   count(*) filter (where customer_class is not null and customer_class is distinct from previous_class)
            from inserted group by retail_format
            """.formatted(RESULTS);

    private static final String JOIN_FACTS = " left join " + CustomerFacts.VIEW + " f on f.customer_code = r.customer_code";

    /**
     * Memory for the run's sorts and hashes, for its transaction only: summing 1.2 M order lines per customer for
     * 300,000 customers hashes about 130 MB (hash tables get twice work_mem) and would spill to disk with less.
     */
    public static final String WORK_MEM = "96MB";

    private final JdbcTemplate jdbc;

    RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Run(long id, String period, String status, int tierCount, List<BigDecimal> tierShares,
                      int changed, String createdBy, Instant createdAt, String appliedBy, Instant appliedAt) {
    }

    public record FormatSummary(String retailFormat, int customers, BigDecimal totalQty, BigDecimal totalAmount,
                                boolean classified) {
    }

    public record Result(String customerCode, String storeName, long countyOrgUnitId, String marketType, String retailFormat,
                         BigDecimal qty, BigDecimal amount, BigDecimal score, Integer rank, String businessScale,
                         String customerClass, Integer tier, String previousScale, String previousClass,
                         Integer previousTier) {
    }

    /** The parameters of {@link #RESULTS} for a period, tier scheme and run id, with the default scale shares. */
    public static Object[] resultsArguments(Period period, TierScheme tiers, long runId) {
        return resultsArguments(period, ScaleShares.DEFAULT, tiers, runId);
    }

    /** The parameters of {@link #RESULTS} for a period, scale shares, tier scheme and run id. */
    public static Object[] resultsArguments(Period period, ScaleShares scale, TierScheme tiers, long runId) {
        return new Object[] {Date.valueOf(period.from()), Date.valueOf(period.to()), scale.largeFraction(),
                scale.smallFraction(), tiers.boundaryDenominator(), tiers.count(),
                tiers.boundaryNumerators().toArray(BigDecimal[]::new), tiers.count(), runId};
    }

    /** Computes a run and returns its id. */
    public long compute(Period period, ScaleShares scale, TierScheme tiers, String by, Instant at) {
        Long id = jdbc.queryForObject("""
                insert into classification_run (period, period_from, period_to, status, tier_count, tier_shares,
                    created_by, created_at) values (?, ?, ?, 'COMPUTED', ?, ?, ?, ?) returning id
                """, Long.class, period.code(), Date.valueOf(period.from()), Date.valueOf(period.to()),
                tiers.count(), tiers.shares().toArray(BigDecimal[]::new), by, Timestamp.from(at));
        // the period's sums, window partitions and ranks of a whole archive are sorted in memory, not on disk
        jdbc.execute("set local work_mem = '" + WORK_MEM + "'");
        List<Object> args = new ArrayList<>(List.of(resultsArguments(period, scale, tiers, id)));
        args.add(id);
        jdbc.update(COMPUTE, args.toArray());
        jdbc.update("""
                update classification_run set changed = (select coalesce(sum(changed), 0)
                    from classification_run_format where run_id = ?)
                where id = ?
                """, id, id);
        return id;
    }

    public Optional<Run> find(long id) {
        return jdbc.query("select * from classification_run where id = ?", this::run, id).stream().findFirst();
    }

    public List<Run> recent(int limit) {
        return jdbc.query("select * from classification_run order by id desc limit ?", this::run, limit);
    }

    public List<FormatSummary> formats(long runId) {
        return jdbc.query("""
                select retail_format, customers, total_qty, total_amount, classified from classification_run_format
                where run_id = ? order by retail_format
                """, (rs, i) -> new FormatSummary(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getBoolean(5)), runId);
    }

    /** A filter of a run's results; null means any. */
    public record ResultFilter(String retailFormat, Boolean changed, String businessScale) {

        String sql(List<Object> args) {
            StringBuilder where = new StringBuilder(" where r.run_id = ?");
            if (retailFormat != null) {
                where.append(" and r.retail_format = ?");
                args.add(retailFormat);
            }
            if (Boolean.TRUE.equals(changed)) {
                where.append(" and r.customer_class is not null and r.customer_class is distinct from r.previous_class");
            }
            if (businessScale != null) {
                where.append(" and r.business_scale = ?");
                args.add(businessScale);
            }
            return where.toString();
        }
    }

    public long count(long runId, ResultFilter filter) {
        List<Object> args = new ArrayList<>(List.of(runId));
        String where = filter.sql(args);
        return jdbc.queryForObject("select count(*) from classification_result r" + where, Long.class, args.toArray());
    }

    /** Results in format, rank, code order (unclassified formats' customers last within their format). */
    public List<Result> results(long runId, ResultFilter filter, long offset, int limit) {
        List<Object> args = new ArrayList<>(List.of(runId));
        String where = filter.sql(args);
        args.add(limit);
        args.add(offset);
        // the page is cut from the run's rows first and only its rows meet the archive for their names: joining
        // first would join every result of the run before the sort
        return jdbc.query("select r.*, f.store_name from (select r.* from classification_result r" + where
                + " order by r.retail_format, r.rank nulls last, r.customer_code limit ? offset ?) r" + JOIN_FACTS
                + " order by r.retail_format, r.rank nulls last, r.customer_code", (rs, i) -> result(rs), args.toArray());
    }

    /** Every result of the filter in the same order, streamed (for downloads). */
    public void forEachResult(long runId, ResultFilter filter, Consumer<Result> consumer) {
        List<Object> args = new ArrayList<>(List.of(runId));
        String where = filter.sql(args);
        jdbc.query(con -> {
            var ps = con.prepareStatement("select r.*, f.store_name from classification_result r" + JOIN_FACTS + where
                    + " order by r.retail_format, r.rank nulls last, r.customer_code");
            ps.setFetchSize(1000);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, rs -> {
            consumer.accept(result(rs));
        });
    }

    /** Counts of customers per format and scale, and per format and tier, for the distribution chart. */
    public record Distribution(String retailFormat, String businessScale, Integer tier, long customers) {
    }

    public List<Distribution> distribution(long runId) {
        return jdbc.query("""
                select retail_format, business_scale, null::int as tier, count(*) from classification_result
                where run_id = ? and business_scale is not null group by retail_format, business_scale
                union all
                select retail_format, null, tier, count(*) from classification_result
                where run_id = ? and tier is not null group by retail_format, tier
                order by 1, 2, 3
                """, (rs, i) -> new Distribution(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                rs.getLong(4)), runId, runId);
    }

    /** Marks the run applied; false when it was applied already (by anyone, also concurrently). */
    public boolean markApplied(long runId, String by, Instant at) {
        return jdbc.update("update classification_run set status = 'APPLIED', applied_by = ?, applied_at = ? "
                + "where id = ? and status = 'COMPUTED'", by, Timestamp.from(at), runId) == 1;
    }

    /**
     * What applying a run writes, as a SELECT of the run's results for {@code SystemFieldWriter}: the customer code,
     * then, when {@code classified}, the run's scale, class and tier, and always the period's purchase figures per
     * month (the period's totals divided by its months, the average price of the totals); of the customers the run
     * classified, or of those it did not (whose class stays as it is).
     */
    public SystemFieldWriter.SelectedValues applicationValues(long runId, int months, boolean classified) {
        return new SystemFieldWriter.SelectedValues("""
                select r.customer_code,%s round(r.qty / ?, 2), round(r.amount / ?, 2),
                       case when r.qty > 0 then round(r.amount / r.qty, 2) end
                from classification_result r where r.run_id = ? and r.customer_class is %s null
                """.formatted(classified ? " r.business_scale, r.customer_class, r.tier," : "",
                classified ? "not" : ""), List.of(months, months, runId));
    }

    /** One line of the 零售客户类别调整情况表: a class that an applied run changed. */
    public record Adjustment(long runId, String period, long countyOrgUnitId, String customerCode, String storeName,
                             String fromClass, String toClass, String fromScale, String toScale, String marketType,
                             String retailFormat, Integer rank, Long formatCustomers, Instant appliedAt) {
    }

    /**
     * Class changes made by the runs applied for this month (a month's run, or a quarter's run ending with it),
     * optionally of one county, by county then customer code.
     */
    public List<Adjustment> adjustments(String month, String quarter, Long countyOrgUnitId, long offset, int limit) {
        List<Object> args = new ArrayList<>(List.of(month, quarter));
        String county = "";
        if (countyOrgUnitId != null) {
            county = " and r.county_org_unit_id = ?";
            args.add(countyOrgUnitId);
        }
        args.add(limit);
        args.add(offset);
        return jdbc.query("""
                select r.run_id, run.period, r.county_org_unit_id, r.customer_code, f.store_name, r.previous_class,
                       r.customer_class, r.previous_scale, r.business_scale, r.market_type, r.retail_format, r.rank,
                       fmt.customers, run.applied_at
                from classification_result r
                join classification_run run on run.id = r.run_id and run.status = 'APPLIED'
                join classification_run_format fmt on fmt.run_id = r.run_id and fmt.retail_format = r.retail_format
                left join %s f on f.customer_code = r.customer_code
                where run.period in (?, ?) and r.customer_class is not null
                  and r.customer_class is distinct from r.previous_class%s
                order by r.county_org_unit_id, r.customer_code, r.run_id
                limit ? offset ?
                """.formatted(CustomerFacts.VIEW, county), (rs, i) -> new Adjustment(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), (Integer) rs.getObject(12), rs.getLong(13),
                rs.getTimestamp(14).toInstant()), args.toArray());
    }

    public long countAdjustments(String month, String quarter, Long countyOrgUnitId) {
        List<Object> args = new ArrayList<>(List.of(month, quarter));
        String county = countyOrgUnitId == null ? "" : " and r.county_org_unit_id = ?";
        if (countyOrgUnitId != null) {
            args.add(countyOrgUnitId);
        }
        return jdbc.queryForObject("""
                select count(*) from classification_result r
                join classification_run run on run.id = r.run_id and run.status = 'APPLIED'
                where run.period in (?, ?) and r.customer_class is not null
                  and r.customer_class is distinct from r.previous_class""" + county, Long.class, args.toArray());
    }

    /** {@link #countAdjustments} for every county at once: county org unit id → changed customers. */
    public java.util.Map<Long, Long> countAdjustmentsByCounty(String month, String quarter) {
        java.util.Map<Long, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select r.county_org_unit_id, count(*) from classification_result r
                join classification_run run on run.id = r.run_id and run.status = 'APPLIED'
                where run.period in (?, ?) and r.customer_class is not null
                  and r.customer_class is distinct from r.previous_class
                group by 1 order by 1""", rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        }, month, quarter);
        return counts;
    }

    private Run run(ResultSet rs, int i) throws SQLException {
        Array shares = rs.getArray("tier_shares");
        List<BigDecimal> list = shares == null ? List.of() : List.of((BigDecimal[]) shares.getArray());
        Timestamp applied = rs.getTimestamp("applied_at");
        return new Run(rs.getLong("id"), rs.getString("period"), rs.getString("status"), rs.getInt("tier_count"),
                list, rs.getInt("changed"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("applied_by"), applied == null ? null : applied.toInstant());
    }

    private static Result result(ResultSet rs) throws SQLException {
        return new Result(rs.getString("customer_code"), rs.getString("store_name"), rs.getLong("county_org_unit_id"), rs.getString("market_type"),
                rs.getString("retail_format"), rs.getBigDecimal("qty"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("score"), (Integer) rs.getObject("rank"), rs.getString("business_scale"),
                rs.getString("customer_class"), (Integer) rs.getObject("tier"), rs.getString("previous_scale"),
                rs.getString("previous_class"), (Integer) rs.getObject("previous_tier"));
    }
}
