package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.CustomerSampling;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.survey.domain.Allocation;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 测评活动 — a campaign draws its stratified sample when it is created (and starts): the population of each stratum,
 * its seats by largest remainder, then the customers themselves, one assignment each, all in one transaction.
 */
@Service
public class Campaigns {

    /** What a campaign asks for. {@code seed} null: a random one, kept so the sample can be drawn again. */
    public record Plan(Long questionnaireId, String name, String period, Integer sampleSize, List<String> strata,
                       Long seed) {
    }

    public record Stratum(String stratum, long population, int sampled) {
    }

    public record Campaign(long id, long questionnaireId, int questionnaireVersion, String questionnaireTitle,
                           String name, String period, int sampleSize, List<String> strata, long seed, String status,
                           long version, Instant createdAt, String createdBy) {
    }

    /** One sampled customer's state; {@code linkExpiresAt} when a link was sent. */
    public record Assignment(long id, long campaignId, String customerCode, String stratum, long countyOrgUnitId,
                             String customerManager, String channel, String status, String note, String attemptedBy,
                             Instant answeredAt, Instant linkExpiresAt, long version) {
    }

    private static final SecureRandom SEEDS = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final CustomerSampling sampling;
    private final Questionnaires questionnaires;
    private final AuditLog audit;
    private final Clock clock;

    Campaigns(JdbcTemplate jdbc, CustomerSampling sampling, Questionnaires questionnaires, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.sampling = sampling;
        this.questionnaires = questionnaires;
        this.audit = audit;
        this.clock = clock;
    }

    /** The population and seats of each stratum this plan would give, nothing stored. */
    @Transactional(readOnly = true)
    public List<Stratum> preview(Plan plan) {
        check(plan, false);
        return allocate(plan);
    }

    @Transactional
    public Campaign create(Plan plan) {
        check(plan, true);
        var q = questionnaires.get(plan.questionnaireId(), null);
        long seed = plan.seed() != null ? plan.seed() : SEEDS.nextLong();
        List<Stratum> strata = allocate(plan);
        String who = CurrentUsers.require().username();
        Long id = jdbc.queryForObject("""
                insert into survey_campaign (questionnaire_id, questionnaire_version, name, period, sample_size, strata,
                                             seed, status, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) returning id""", Long.class, q.id(), q.version(),
                plan.name().strip(), plan.period().strip(), plan.sampleSize(), plan.strata().toArray(String[]::new), seed,
                Timestamp.from(clock.instant()), who);
        jdbc.batchUpdate("insert into survey_stratum (campaign_id, stratum, population, sampled) values (?, ?, ?, ?)",
                strata.stream().map(s -> new Object[] {id, s.stratum(), s.population(), s.sampled()}).toList());
        Map<String, Integer> seats = new java.util.LinkedHashMap<>();
        Map<String, Long> population = new java.util.HashMap<>();
        strata.forEach(s -> {
            seats.put(s.stratum(), s.sampled());
            population.put(s.stratum(), s.population());
        });
        var drawn = sampling.sample(plan.strata(), seats, population, seed);
        jdbc.batchUpdate("insert into survey_assignment (campaign_id, customer_code, stratum, county_org_unit_id,"
                + " customer_manager) values (?, ?, ?, ?, ?)", drawn.stream().map(c -> new Object[] {id,
                c.customerCode(), c.stratum(), c.countyOrgUnitId(), c.customerManager()}).toList());
        audit.record(AuditEntry.of("SURVEY_CAMPAIGN_CREATE", "SURVEY_CAMPAIGN", String.valueOf(id))
                .detail(plan.name() + ", " + drawn.size() + " sampled"));
        return get(id);
    }

    @Transactional
    public Campaign close(long id, Long expectedVersion) {
        Campaign c = get(id);
        if (expectedVersion != null && expectedVersion != c.version()) {
            throw new com.tobacco.retailcrm.shared.api.ConflictException("version", "survey.error.campaign.stale");
        }
        if (!"ACTIVE".equals(c.status())) {
            throw new BusinessRuleException("survey.error.campaign.notActive");
        }
        jdbc.update("update survey_campaign set status = 'CLOSED', version = version + 1 where id = ?", id);
        audit.record(AuditEntry.of("SURVEY_CAMPAIGN_CLOSE", "SURVEY_CAMPAIGN", String.valueOf(id)));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Campaign get(long id) {
        return jdbc.query(CAMPAIGN + " where c.id = ?", this::campaign, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("survey.error.campaign.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<Campaign> list() {
        return jdbc.query(CAMPAIGN + " order by c.id desc", this::campaign);
    }

    @Transactional(readOnly = true)
    public List<Stratum> strata(long campaignId) {
        return jdbc.query("select stratum, population, sampled from survey_stratum where campaign_id = ? order by stratum",
                (rs, n) -> new Stratum(rs.getString(1), rs.getLong(2), rs.getInt(3)), campaignId);
    }

    /** The campaign's assignments, optionally of one status, in stratum and code order. */
    @Transactional(readOnly = true)
    public List<Assignment> assignments(long campaignId, String status) {
        get(campaignId);
        return jdbc.query(ASSIGNMENT + " where a.campaign_id = ? and (?::text is null or a.status = ?)"
                + " order by a.stratum, a.customer_code", Campaigns::assignment, campaignId, status, status);
    }

    /** 外呼清单: what the agents still have to call, across active campaigns, oldest campaign first. */
    @Transactional(readOnly = true)
    public List<Assignment> workList(int limit) {
        return jdbc.query(ASSIGNMENT + " join survey_campaign c on c.id = a.campaign_id where c.status = 'ACTIVE'"
                + " and a.status in ('PENDING', 'UNREACHABLE') order by a.status, c.id, a.stratum, a.customer_code limit ?",
                Campaigns::assignment, limit);
    }

    static final String ASSIGNMENT = """
            select a.id, a.campaign_id, a.customer_code, a.stratum, a.county_org_unit_id, a.customer_manager, a.channel,
                   a.status, a.note, a.attempted_by, a.answered_at, a.link_expires_at, a.version
              from survey_assignment a""";

    static Assignment assignment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp answered = rs.getTimestamp(11);
        Timestamp expires = rs.getTimestamp(12);
        return new Assignment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                answered == null ? null : answered.toInstant(), expires == null ? null : expires.toInstant(),
                rs.getLong(13));
    }

    private static final String CAMPAIGN = """
            select c.id, c.questionnaire_id, c.questionnaire_version, v.title, c.name, c.period, c.sample_size, c.strata,
                   c.seed, c.status, c.version, c.created_at, c.created_by
              from survey_campaign c join questionnaire_version v
                on v.questionnaire_id = c.questionnaire_id and v.version = c.questionnaire_version""";

    private Campaign campaign(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Campaign(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), List.of((String[]) rs.getArray(8).getArray()), rs.getLong(9),
                rs.getString(10), rs.getLong(11), rs.getTimestamp(12).toInstant(), rs.getString(13));
    }

    private List<Stratum> allocate(Plan plan) {
        Map<String, Long> population = sampling.population(plan.strata());
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        if (plan.sampleSize() > total) {
            throw new BusinessRuleException("survey.error.sample.tooLarge", plan.sampleSize(), total);
        }
        Map<String, Integer> seats = Allocation.largestRemainder(population, plan.sampleSize());
        List<Stratum> strata = new ArrayList<>();
        population.forEach((k, n) -> strata.add(new Stratum(k, n, seats.get(k))));
        return strata;
    }

    private void check(Plan plan, boolean full) {
        List<FieldProblem> problems = new ArrayList<>();
        if (plan.questionnaireId() == null) {
            problems.add(new FieldProblem("questionnaireId", "{survey.error.questionnaireId}"));
        } else if (questionnaires.find(plan.questionnaireId(), null).isEmpty()) {
            problems.add(new FieldProblem("questionnaireId", "{survey.error.questionnaire.notFound}"));
        }
        if (full && (plan.name() == null || plan.name().isBlank() || plan.name().length() > 200)) {
            problems.add(new FieldProblem("name", "{survey.error.name}"));
        }
        if (full && (plan.period() == null || plan.period().isBlank() || plan.period().length() > 20)) {
            problems.add(new FieldProblem("period", "{survey.error.period}"));
        }
        if (plan.sampleSize() == null || plan.sampleSize() < 1 || plan.sampleSize() > 100_000) {
            problems.add(new FieldProblem("sampleSize", "{survey.error.sampleSize}"));
        }
        if (plan.strata() == null || plan.strata().isEmpty() || plan.strata().size() > 4
                || plan.strata().stream().distinct().count() != plan.strata().size()) {
            problems.add(new FieldProblem("strata", "{survey.error.strata}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
