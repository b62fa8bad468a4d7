package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.survey.domain.Answer;
import com.tobacco.retailcrm.survey.domain.LinkToken;
import com.tobacco.retailcrm.survey.domain.Question;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 答卷 — answers by a phone agent or by the retailer through a one-time link, refusals and unreachable calls. An
 * assignment is answered once: the answers and the ANSWERED status are written together, guarded by the status, so
 * a second answer (even a concurrent one) stores nothing.
 */
@Service
public class Answering {

    /** What the public page needs: the questions, whose store it is for, and whether it can still be answered. */
    public record LinkView(Campaigns.Assignment assignment, String campaignName, String title, List<Question> questions) {
    }

    /** A link just made: the token appears here once and is never stored. */
    public record Link(String token, Instant expiresAt) {
    }

    /** An unknown token (404) or one that can no longer be answered (410). */
    public static class LinkGoneException extends RuntimeException {
        LinkGoneException() {
            super("survey.link.gone");
        }
    }

    private final JdbcTemplate jdbc;
    private final Campaigns campaigns;
    private final Questionnaires questionnaires;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration linkValidity;

    Answering(JdbcTemplate jdbc, Campaigns campaigns, Questionnaires questionnaires, AuditLog audit, Clock clock,
              @Value("${crm.survey.link-validity:14d}") Duration linkValidity) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.questionnaires = questionnaires;
        this.audit = audit;
        this.clock = clock;
        this.linkValidity = linkValidity;
    }

    /** A phone agent's answers for a sampled customer. */
    @Transactional
    public Campaigns.Assignment answerByPhone(long campaignId, String customerCode, Long expectedVersion,
                                              Map<String, String> values) {
        Campaigns.Assignment a = open(campaignId, customerCode, expectedVersion);
        store(a, values, "PHONE", CurrentUsers.require().username());
        audit.record(AuditEntry.customer("SURVEY_ANSWER_PHONE", customerCode).detail("campaign " + campaignId));
        return assignment(campaignId, customerCode);
    }

    /** 拒访 or 未接通: recorded with a note; an unreachable customer stays on the work list to be called again. */
    @Transactional
    public Campaigns.Assignment recordOutcome(long campaignId, String customerCode, Long expectedVersion, String status,
                                              String note) {
        if (!"REFUSED".equals(status) && !"UNREACHABLE".equals(status)) {
            throw new InvalidInputException("status", "{survey.error.outcome}");
        }
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("note", "{survey.error.note}");
        }
        Campaigns.Assignment a = open(campaignId, customerCode, expectedVersion);
        jdbc.update("update survey_assignment set status = ?, note = ?, attempted_by = ?, outcome_at = ?,"
                + " version = version + 1 where id = ?", status, note == null || note.isBlank() ? null : note.strip(),
                CurrentUsers.require().username(), Timestamp.from(clock.instant()), a.id());
        audit.record(AuditEntry.customer("SURVEY_" + status, customerCode).detail("campaign " + campaignId));
        return assignment(campaignId, customerCode);
    }

    /** A new one-time link (any earlier one stops working). */
    @Transactional
    public Link link(long campaignId, String customerCode, Long expectedVersion) {
        Campaigns.Assignment a = open(campaignId, customerCode, expectedVersion);
        String token = LinkToken.generate();
        Instant expires = clock.instant().plus(linkValidity);
        jdbc.update("update survey_assignment set channel = 'LINK', link_hash = ?, link_expires_at = ?,"
                + " version = version + 1 where id = ?", LinkToken.hash(token), Timestamp.from(expires), a.id());
        audit.record(AuditEntry.customer("SURVEY_LINK_CREATE", customerCode).detail("campaign " + campaignId));
        return new Link(token, expires);
    }

    /** The page behind a link: unknown → NotFound, answered, expired or campaign closed → LinkGone. */
    @Transactional(readOnly = true)
    public LinkView byToken(String token) {
        Campaigns.Assignment a = jdbc.query(Campaigns.ASSIGNMENT + " where a.link_hash = ?", Campaigns::assignment,
                (Object) LinkToken.hash(token == null ? "" : token)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("survey.link.unknown"));
        Campaigns.Campaign c = campaigns.get(a.campaignId());
        if ("ANSWERED".equals(a.status()) || "REFUSED".equals(a.status()) || !"ACTIVE".equals(c.status())
                || !clock.instant().isBefore(a.linkExpiresAt())) {
            throw new LinkGoneException();
        }
        var q = questionnaires.get(c.questionnaireId(), c.questionnaireVersion());
        return new LinkView(a, c.name(), q.title(), q.questions());
    }

    /** The retailer's answers through the link, once. */
    @Transactional
    public void answerByLink(String token, Map<String, String> values) {
        LinkView view = byToken(token);
        store(view.assignment(), values, "LINK", null);
        audit.record(AuditEntry.customer("SURVEY_ANSWER_LINK", view.assignment().customerCode())
                .detail("campaign " + view.assignment().campaignId()).as("retailer"));
    }

    public Optional<Campaigns.Assignment> find(long campaignId, String customerCode) {
        return jdbc.query(Campaigns.ASSIGNMENT + " where a.campaign_id = ? and a.customer_code = ?",
                Campaigns::assignment, campaignId, customerCode).stream().findFirst();
    }

    private Campaigns.Assignment assignment(long campaignId, String customerCode) {
        return find(campaignId, customerCode)
                .orElseThrow(() -> new NotFoundException("survey.error.assignment.notFound", customerCode));
    }

    /** An assignment that may still be answered: campaign active, not answered or refused, version as seen. */
    private Campaigns.Assignment open(long campaignId, String customerCode, Long expectedVersion) {
        Campaigns.Campaign c = campaigns.get(campaignId);
        Campaigns.Assignment a = assignment(campaignId, customerCode);
        if (expectedVersion != null && expectedVersion != a.version()) {
            throw new ConflictException("version", "survey.error.assignment.stale");
        }
        if (!"ACTIVE".equals(c.status())) {
            throw new BusinessRuleException("survey.error.campaign.notActive");
        }
        if ("ANSWERED".equals(a.status()) || "REFUSED".equals(a.status())) {
            throw new BusinessRuleException("survey.error.assignment.done");
        }
        return a;
    }

    private void store(Campaigns.Assignment a, Map<String, String> values, String channel, String agent) {
        Campaigns.Campaign c = campaigns.get(a.campaignId());
        List<Answer> answers = Answer.sheet(questionnaires.get(c.questionnaireId(), c.questionnaireVersion())
                .questions(), values);
        int claimed = jdbc.update("update survey_assignment set status = 'ANSWERED', channel = ?, answered_at = ?,"
                + " attempted_by = coalesce(?, attempted_by), version = version + 1"
                + " where id = ? and status not in ('ANSWERED', 'REFUSED')", channel, Timestamp.from(clock.instant()),
                agent, a.id());
        if (claimed == 0) {
            throw "LINK".equals(channel) ? new LinkGoneException() : new BusinessRuleException("survey.error.assignment.done");
        }
        jdbc.batchUpdate("insert into survey_answer (assignment_id, question_code, dimension, type, rating, choice,"
                + " text_value) values (?, ?, ?, ?, ?, ?, ?)", answers.stream().map(x -> new Object[] {a.id(),
                x.question().code(), x.question().dimension(), x.question().type().name(), x.rating(), x.choice(),
                x.text()}).toList());
    }
}
