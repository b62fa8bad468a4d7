package com.tobacco.retailcrm.rating.evaluation;

import com.tobacco.retailcrm.classification.api.PurchaseFigures;
import com.tobacco.retailcrm.classification.api.PurchaseTotals;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFacts;
import com.tobacco.retailcrm.rating.Input;
import com.tobacco.retailcrm.rating.api.CooperationCounts;
import com.tobacco.retailcrm.rating.api.CooperationFacts;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 客户评价 — scores every ACTIVE customer of the archive for a period in one SQL statement and stores the scores with
 * the run; a new computation of the same period replaces the last. Each dimension is 0–100 (2 decimals):
 * <ul>
 *   <li><b>贡献度 contribution</b>: the purchase share within the customer's format, {@code share = (qty/qty(F) +
 *       amount/amount(F)) / 2} as in classification, scaled so the format's largest share is 100
 *       ({@code 100·share/max share}); 0 in a format without purchases.</li>
 *   <li><b>依存度 dependence</b>: the archive's {@code tobaccoShare} (卷烟销售占比 %, from the survey), 0 when unknown.</li>
 *   <li><b>诚信度 integrity</b>: the archive's {@code integrityGrade} by its {@link IntegrityPoints} (A 100, B 80, C 60,
 *       D 40, not yet rated 70); minus 10 per minor and 20 per serious violation that occurred within the period; at
 *       least 0.</li>
 *   <li><b>成长度 growth</b>: purchase amount against the period of the same length before it:
 *       {@code 50 + 50·(amount − previous)/previous} kept within 0–100 (flat 50, doubled 100, none left 0); 100 when
 *       there was nothing before and something now, 0 when there was nothing in either.</li>
 *   <li><b>合作度 cooperation</b>: whether they correct violations after education (the share of the violations of
 *       the 12 months up to the period's end corrected by its end, 100% without violations), the visits they received,
 *       the surveys they answered or refused and the complaints they filed within the period, by the points of
 *       {@link CooperationPoints}; the counts come from the other modules through {@link CooperationFacts}.</li>
 * </ul>
 * The total is the weighted mean of the five with {@link EvaluationWeights}; rank 1 is the highest total and equal
 * totals share the better rank.
 */
@Service
public class EvaluationService {

    private static final Set<String> FORMATS = Set.of("1", "2", "3", "4", "5", "6", "9");

    private final JdbcTemplate jdbc;
    private final PurchaseFigures purchases;
    private final EvaluationWeights weights;
    private final IntegrityPoints integrity;
    private final CooperationPoints cooperation;
    private final List<CooperationFacts> cooperationFacts;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final CrmProperties properties;
    private final Clock clock;

    EvaluationService(JdbcTemplate jdbc, PurchaseFigures purchases, EvaluationWeights weights,
                      IntegrityPoints integrity, CooperationPoints cooperation,
                      List<CooperationFacts> cooperationFacts, CustomerArchive archive, UserDirectory users,
                      CrmProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.weights = weights;
        this.integrity = integrity;
        this.cooperation = cooperation;
        this.cooperationFacts = cooperationFacts;
        this.archive = archive;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** A computed period. */
    public record Run(long id, String period, LocalDate from, LocalDate to, int customers, EvaluationWeights weights,
                      String createdBy, Instant createdAt) {
    }

    /** One customer's scores in a period. */
    public record Score(String period, String customerCode, String storeName, String retailFormat,
                        String customerManager, BigDecimal contribution, BigDecimal dependence, BigDecimal integrity,
                        BigDecimal growth, BigDecimal cooperation, BigDecimal total, int rank) {
    }

    @Transactional
    public Run compute(String periodText) {
        EvaluationPeriod period = EvaluationPeriod.parse(periodText, today());
        jdbc.update("delete from evaluation_run where period = ?", period.code());
        long run = jdbc.queryForObject("""
                insert into evaluation_run (period, from_date, to_date, previous_from, previous_to, weight_contribution,
                    weight_dependence, weight_integrity, weight_growth, weight_cooperation, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, period.code(),
                Date.valueOf(period.from()), Date.valueOf(period.to()), Date.valueOf(period.previousFrom()),
                Date.valueOf(period.previousTo()), weights.contribution(), weights.dependence(), weights.integrity(),
                weights.growth(), weights.cooperation(), CurrentUsers.require().username(),
                Timestamp.from(clock.instant()));
        storePurchases(run, period);
        Date from = Date.valueOf(period.from());
        Date to = Date.valueOf(period.to());
        storeCooperation(run, period);
        List<Object> args = new ArrayList<>(List.of(run, from, to, from, to));
        args.addAll(List.of(integrity.sqlArguments()));
        args.addAll(List.of(cooperation.score(0, 0, CooperationCounts.NONE), run));
        args.addAll(List.of(weights.contribution(), weights.dependence(), weights.integrity(), weights.growth(),
                weights.cooperation(), weights.sum(), run));
        int customers = jdbc.update(SCORE_SQL.replace("{facts}", CustomerFacts.VIEW), args.toArray());
        jdbc.update("update evaluation_run set customers = ? where id = ?", customers, run);
        return run(run).orElseThrow();
    }

    /** The period's purchases and those of the period before, as PurchaseFigures gives them, kept with the run. */
    private void storePurchases(long run, EvaluationPeriod period) {
        Map<String, PurchaseTotals> now = purchases.totalsByCustomer(period.from(), period.to());
        Map<String, PurchaseTotals> before = purchases.totalsByCustomer(period.previousFrom(), period.previousTo());
        Set<String> codes = new HashSet<>(now.keySet());
        codes.addAll(before.keySet());
        List<Object[]> rows = new ArrayList<>(codes.size());
        for (String code : codes) {
            PurchaseTotals n = now.get(code);
            PurchaseTotals b = before.get(code);
            rows.add(new Object[] {run, code, n == null ? BigDecimal.ZERO : n.qty(),
                    n == null ? BigDecimal.ZERO : n.amount(), b == null ? BigDecimal.ZERO : b.amount()});
        }
        jdbc.batchUpdate("insert into evaluation_purchase (run_id, customer_code, qty, amount, previous_amount) "
                + "values (?, ?, ?, ?, ?)", rows);
    }

    /**
     * 合作度 of every customer something is known of: the violations of the 12 months up to the period's end and those
     * corrected by then, and what each {@link CooperationFacts} counts within the period, scored by
     * {@link CooperationPoints} and kept with the run.
     */
    private void storeCooperation(long run, EvaluationPeriod period) {
        Map<String, CooperationCounts> counts = new HashMap<>();
        CooperationFacts.Period days = new CooperationFacts.Period(period.from(), period.to(),
                period.from().atStartOfDay(properties.zone()).toInstant(),
                period.to().plusDays(1).atStartOfDay(properties.zone()).toInstant());
        for (CooperationFacts source : cooperationFacts) {
            source.countsByCustomer(days).forEach((code, c) -> counts.merge(code, c,
                    CooperationCounts::plus));
        }
        Map<String, int[]> violations = new HashMap<>();
        Date to = Date.valueOf(period.to());
        jdbc.query("""
                select customer_code, count(*), count(*) filter (where corrected and corrected_on <= ?)
                from violation where occurred_on > ?::date - interval '12 months' and occurred_on <= ?
                group by customer_code""", rs -> {
            violations.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
        }, to, to, to);
        Set<String> codes = new HashSet<>(counts.keySet());
        codes.addAll(violations.keySet());
        List<Object[]> rows = new ArrayList<>(codes.size());
        for (String code : codes) {
            CooperationCounts c = counts.getOrDefault(code, CooperationCounts.NONE);
            int[] v = violations.getOrDefault(code, new int[2]);
            rows.add(new Object[] {run, code, v[0], v[1], c.visits(), c.surveysAnswered(), c.surveysRefused(),
                    c.complaints(), cooperation.score(v[0], v[1], c)});
        }
        jdbc.batchUpdate("insert into evaluation_cooperation (run_id, customer_code, violations, corrected, visits,"
                + " surveys_answered, surveys_refused, complaints, cooperation) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The scores of every ACTIVE customer (see the class comment), in one statement. */
    private static final String SCORE_SQL = """
            with f as (
                select c.customer_code, c.store_name, c.county_org_unit_id, c.customer_manager, c.retail_format,
                       c.tobacco_share, c.integrity_grade,
                       coalesce(p.qty, 0) as qty, coalesce(p.amount, 0) as amount,
                       coalesce(p.previous_amount, 0) as previous_amount
                from {facts} c
                left join evaluation_purchase p on p.run_id = ? and p.customer_code = c.customer_code
                where c.status = 'ACTIVE'
            ), shares as (
                select f.*,
                       case when sum(qty) over w = 0 or sum(amount) over w = 0 then 0
                            else (qty / sum(qty) over w + amount / sum(amount) over w) / 2 end as share
                from f window w as (partition by retail_format)
            ), v as (
                select customer_code,
                       count(*) filter (where occurred_on between ? and ? and type = 'MINOR') as period_minor,
                       count(*) filter (where occurred_on between ? and ? and type = 'SERIOUS') as period_serious
                from violation group by customer_code
            ), scored as (
                select s.*,
                       case when max(share) over (partition by retail_format) = 0 then 0
                            else round(100 * share / max(share) over (partition by retail_format), 2) end as contribution,
                       least(greatest(coalesce(tobacco_share, 0), 0), 100) as dependence,
                       greatest(0, case integrity_grade when 'A' then ?::integer when 'B' then ?::integer
                                        when 'C' then ?::integer when 'D' then ?::integer else ?::integer end
                                   - ?::integer * coalesce(v.period_minor, 0)
                                   - ?::integer * coalesce(v.period_serious, 0)) as integrity,
                       case when previous_amount = 0 then case when amount > 0 then 100 else 0 end
                            else least(100, greatest(0, round(50 + 50 * (amount - previous_amount) / previous_amount, 2)))
                            end as growth,
                       coalesce(co.cooperation, ?) as cooperation
                from shares s left join v on v.customer_code = s.customer_code
                left join evaluation_cooperation co on co.run_id = ? and co.customer_code = s.customer_code
            ), total as (
                select scored.*, round((? * contribution + ? * dependence + ? * integrity + ? * growth
                                        + ? * cooperation) / ?, 2) as total
                from scored
            )
            insert into evaluation_score (run_id, customer_code, store_name, county_id, customer_manager, retail_format,
                contribution, dependence, integrity, growth, cooperation, total, rank)
            select ?, customer_code, store_name, county_org_unit_id, customer_manager, retail_format, contribution,
                   dependence, integrity, growth, cooperation, total, rank() over (order by total desc)
            from total
            """;

    @Transactional(readOnly = true)
    public List<Run> runs() {
        return jdbc.query("select * from evaluation_run order by from_date desc, period desc", this::runRow);
    }

    Optional<Run> run(long id) {
        return jdbc.query("select * from evaluation_run where id = ?", this::runRow, id).stream().findFirst();
    }

    /** The ranked scores of a period (the latest computed one when none is named), within the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<PageResponse<Score>> ranking(String period, String retailFormat, PageQuery page) {
        if (retailFormat != null && !retailFormat.isBlank() && !FORMATS.contains(retailFormat.strip())) {
            throw new InvalidInputException("retailFormat", "{rating.error.code}");
        }
        Optional<Run> run = find(period);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder where = new StringBuilder("s.run_id = ?");
        List<Object> args = new ArrayList<>(List.of(run.get().id()));
        DataScope.SqlPredicate scope = users.scopeOf(CurrentUsers.require()).toSql("s.customer_manager", "s.county_id");
        where.append(" and (").append(scope.sql()).append(")");
        args.addAll(scope.args());
        if (retailFormat != null && !retailFormat.isBlank()) {
            where.append(" and s.retail_format = ?");
            args.add(retailFormat.strip());
        }
        Long total = jdbc.queryForObject("select count(*) from evaluation_score s where " + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        String p = run.get().period();
        List<Score> items = jdbc.query("select * from evaluation_score s where " + where
                + " order by rank, customer_code limit ? offset ?", (rs, i) -> score(rs, p), pageArgs.toArray());
        return Optional.of(new PageResponse<>(items, total == null ? 0 : total, page.page(), page.size()));
    }

    /** A customer's scores in every computed period, the latest first (404 outside the caller's scope). */
    @Transactional(readOnly = true)
    public List<Score> ofCustomer(String customerCode) {
        archive.find(customerCode).orElseThrow(() -> new NotFoundException("customer.error.notFound", customerCode));
        return jdbc.query("""
                select s.*, r.period from evaluation_score s join evaluation_run r on r.id = s.run_id
                where s.customer_code = ? order by r.from_date desc, r.period desc""",
                (rs, i) -> score(rs, rs.getString("period")), customerCode);
    }

    private Optional<Run> find(String period) {
        if (period == null || period.isBlank()) {
            return jdbc.query("select * from evaluation_run order by from_date desc, to_date desc limit 1", this::runRow)
                    .stream().findFirst();
        }
        List<FieldProblem> problems = new ArrayList<>();
        String p = Input.text("period", period, 7, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return jdbc.query("select * from evaluation_run where period = ?", this::runRow, p).stream().findFirst();
    }

    private Run runRow(ResultSet rs, int i) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("period"), rs.getDate("from_date").toLocalDate(),
                rs.getDate("to_date").toLocalDate(), rs.getInt("customers"), new EvaluationWeights(
                rs.getBigDecimal("weight_contribution"), rs.getBigDecimal("weight_dependence"),
                rs.getBigDecimal("weight_integrity"), rs.getBigDecimal("weight_growth"),
                rs.getBigDecimal("weight_cooperation")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Score score(ResultSet rs, String period) throws SQLException {
        return new Score(period, rs.getString("customer_code"), rs.getString("store_name"),
                rs.getString("retail_format"), rs.getString("customer_manager"), rs.getBigDecimal("contribution"),
                rs.getBigDecimal("dependence"), rs.getBigDecimal("integrity"), rs.getBigDecimal("growth"),
                rs.getBigDecimal("cooperation"), rs.getBigDecimal("total"), rs.getInt("rank"));
    }

    EvaluationWeights weights() {
        return weights;
    }

    CooperationPoints cooperationPoints() {
        return cooperation;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
