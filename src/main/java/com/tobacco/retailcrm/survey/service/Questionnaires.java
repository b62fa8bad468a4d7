package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.survey.domain.Question;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 问卷 — questionnaires kept as versions: a version is written once and never changed, so the answers given to it
 * always read against the questions that were asked; an edit adds the next version and makes it current.
 */
@Service
public class Questionnaires {

    /** One version of a questionnaire; {@code answered}: some campaign of this version has answers. */
    public record Version(long id, int version, int currentVersion, String title, List<Question> questions,
                          Instant createdAt, String createdBy, boolean answered) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    Questionnaires(JdbcTemplate jdbc, JsonMapper json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Version create(String title, List<Question> questions) {
        check(title, questions);
        String who = CurrentUsers.require().username();
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("insert into questionnaire (current_version, created_at, created_by) values (1, ?, ?)"
                + " returning id", Long.class, now, who);
        insertVersion(id, 1, title.strip(), questions, now, who);
        audit.record(AuditEntry.of("SURVEY_QUESTIONNAIRE_CREATE", "QUESTIONNAIRE", String.valueOf(id)).detail(title));
        return get(id, null);
    }

    /** The next version with these questions, if the caller saw the current one (409 otherwise). */
    @Transactional
    public Version revise(long id, Long expectedVersion, String title, List<Question> questions) {
        if (expectedVersion == null) {
            throw new InvalidInputException("version", "{survey.error.version}");
        }
        check(title, questions);
        Integer current = jdbc.query("select current_version from questionnaire where id = ? for update",
                rs -> rs.next() ? rs.getInt(1) : null, id);
        if (current == null) {
            throw new NotFoundException("survey.error.questionnaire.notFound", id);
        }
        if (current != expectedVersion.intValue()) {
            throw new ConflictException("version", "survey.error.questionnaire.stale", current);
        }
        String who = CurrentUsers.require().username();
        insertVersion(id, current + 1, title.strip(), questions, Timestamp.from(clock.instant()), who);
        jdbc.update("update questionnaire set current_version = ? where id = ?", current + 1, id);
        audit.record(AuditEntry.of("SURVEY_QUESTIONNAIRE_REVISE", "QUESTIONNAIRE", String.valueOf(id))
                .detail("version " + (current + 1)));
        return get(id, null);
    }

    /** A version (the current one when {@code version} is null). */
    @Transactional(readOnly = true)
    public Version get(long id, Integer version) {
        return find(id, version).orElseThrow(() -> new NotFoundException("survey.error.questionnaire.notFound", id));
    }

    @Transactional(readOnly = true)
    public Optional<Version> find(long id, Integer version) {
        return jdbc.query("""
                select v.questionnaire_id, v.version, q.current_version, v.title, v.questions::text, v.created_at,
                       v.created_by,
                       exists (select 1 from survey_campaign c join survey_assignment a on a.campaign_id = c.id
                                where c.questionnaire_id = v.questionnaire_id and c.questionnaire_version = v.version
                                  and a.status = 'ANSWERED')
                  from questionnaire_version v join questionnaire q on q.id = v.questionnaire_id
                 where v.questionnaire_id = ? and v.version = coalesce(?, q.current_version)""",
                (rs, n) -> new Version(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        questions(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBoolean(8)),
                id, version).stream().findFirst();
    }

    /** The current version of every questionnaire, newest first. */
    @Transactional(readOnly = true)
    public List<Version> list() {
        return jdbc.queryForList("select id from questionnaire order by id desc", Long.class).stream()
                .map(id -> get(id, null)).toList();
    }

    List<Question> questions(String text) {
        return json.readValue(text, new TypeReference<List<Question>>() { });
    }

    private void insertVersion(long id, int version, String title, List<Question> questions, Timestamp at, String who) {
        jdbc.update("insert into questionnaire_version (questionnaire_id, version, title, questions, created_at,"
                + " created_by) values (?, ?, ?, ?::jsonb, ?, ?)", id, version, title, json.writeValueAsString(questions),
                at, who);
    }

    private static void check(String title, List<Question> questions) {
        List<FieldProblem> problems = Question.problems(title, questions);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
