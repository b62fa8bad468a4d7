package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.survey.domain.QuestionType;
import com.tobacco.retailcrm.survey.domain.SatisfactionIndex;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 测评结果 — counted in SQL over the campaign's answers: the satisfaction index per group, the response per stratum,
 * the share of each option of single-choice questions and the text answers, optionally against an earlier campaign.
 */
@Service
public class SurveyResults {

    /** Ways to group; each names the SQL expression of its key (fixed text, never the caller's). */
    public enum By {
        QUESTION("w.question_code"), DIMENSION("w.dimension"), COUNTY("a.county_org_unit_id::text"),
        MANAGER("coalesce(a.customer_manager, '-')"), STRATUM("a.stratum");

        final String key;

        By(String key) {
            this.key = key;
        }

        public static By parse(String text) {
            for (By b : values()) {
                if (b.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return b;
                }
            }
            throw new InvalidInputException("by", "{survey.error.by}");
        }
    }

    /** A group: its key, the customers who answered in it, their RATING answers' index, and the earlier campaign's. */
    public record Group(String key, long answers, BigDecimal index, BigDecimal previous, BigDecimal change) {
    }

    public record Response(String stratum, long sampled, long answered, long refused, long unreachable, long pending,
                           BigDecimal responseRate) {
    }

    public record OptionShare(String question, String option, long count, BigDecimal share) {
    }

    public record TextAnswer(String question, String text, String stratum) {
    }

    private final JdbcTemplate jdbc;
    private final Campaigns campaigns;

    SurveyResults(JdbcTemplate jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true)
    public List<Group> groups(long campaignId, By by, Long compareTo) {
        campaigns.get(campaignId);
        Map<String, Group> before = new LinkedHashMap<>();
        if (compareTo != null) {
            campaigns.get(compareTo);
            index(compareTo, by).forEach(g -> before.put(g.key(), g));
        }
        return index(campaignId, by).stream().map(g -> {
            Group p = before.get(g.key());
            BigDecimal previous = p == null ? null : p.index();
            return new Group(g.key(), g.answers(), g.index(), previous, SatisfactionIndex.change(g.index(), previous));
        }).toList();
    }

    private List<Group> index(long campaignId, By by) {
        return jdbc.query("select " + by.key + " k, count(distinct a.id), count(w.rating), coalesce(sum(w.rating), 0)"
                + " from survey_assignment a join survey_answer w on w.assignment_id = a.id"
                + " where a.campaign_id = ? and a.status = 'ANSWERED' group by 1 order by 1",
                (rs, n) -> new Group(rs.getString(1), rs.getLong(2), SatisfactionIndex.of(rs.getLong(3), rs.getLong(4)),
                        null, null), campaignId);
    }

    /** The overall index of a campaign (all RATING answers). */
    @Transactional(readOnly = true)
    public BigDecimal overall(long campaignId) {
        return jdbc.queryForObject("select count(w.rating), coalesce(sum(w.rating), 0) from survey_answer w join"
                + " survey_assignment a on a.id = w.assignment_id where a.campaign_id = ? and a.status = 'ANSWERED'",
                (rs, n) -> SatisfactionIndex.of(rs.getLong(1), rs.getLong(2)), campaignId);
    }

    @Transactional(readOnly = true)
    public List<Response> response(long campaignId) {
        List<Response> rows = new ArrayList<>(jdbc.query("""
                select stratum, count(*), count(*) filter (where status = 'ANSWERED'),
                       count(*) filter (where status = 'REFUSED'), count(*) filter (where status = 'UNREACHABLE'),
                       count(*) filter (where status = 'PENDING')
                  from survey_assignment where campaign_id = ? group by stratum order by stratum""",
                (rs, n) -> response(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)), campaignId));
        rows.add(response(null, rows.stream().mapToLong(Response::sampled).sum(),
                rows.stream().mapToLong(Response::answered).sum(), rows.stream().mapToLong(Response::refused).sum(),
                rows.stream().mapToLong(Response::unreachable).sum(), rows.stream().mapToLong(Response::pending).sum()));
        return rows;
    }

    private static Response response(String stratum, long sampled, long answered, long refused, long unreachable,
                                     long pending) {
        return new Response(stratum, sampled, answered, refused, unreachable, pending, ratio(answered, sampled));
    }

    /** Each option of each single-choice question with its share of that question's answers (4 places). */
    @Transactional(readOnly = true)
    public List<OptionShare> options(long campaignId) {
        return jdbc.query("""
                select w.question_code, w.choice, count(*), sum(count(*)) over (partition by w.question_code)
                  from survey_answer w join survey_assignment a on a.id = w.assignment_id
                 where a.campaign_id = ? and a.status = 'ANSWERED' and w.type = ?
                 group by 1, 2 order by 1, 3 desc, 2""",
                (rs, n) -> new OptionShare(rs.getString(1), rs.getString(2), rs.getLong(3),
                        ratio(rs.getLong(3), rs.getLong(4))), campaignId, QuestionType.SINGLE.name());
    }

    @Transactional(readOnly = true)
    public List<TextAnswer> texts(long campaignId, int limit) {
        return jdbc.query("""
                select w.question_code, w.text_value, a.stratum
                  from survey_answer w join survey_assignment a on a.id = w.assignment_id
                 where a.campaign_id = ? and a.status = 'ANSWERED' and w.text_value is not null
                 order by a.answered_at desc, a.id limit ?""",
                (rs, n) -> new TextAnswer(rs.getString(1), rs.getString(2), rs.getString(3)), campaignId, limit);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
