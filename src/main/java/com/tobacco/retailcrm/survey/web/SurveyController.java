package com.tobacco.retailcrm.survey.web;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.survey.domain.Question;
import com.tobacco.retailcrm.survey.service.Answering;
import com.tobacco.retailcrm.survey.service.Campaigns;
import com.tobacco.retailcrm.survey.service.Questionnaires;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Questionnaires, campaigns, assignments and answers over HTTP (docs/api.md "Satisfaction surveys"). */
@RestController
class SurveyController {

    private static final SentVersion VERSION = new SentVersion("version", "{survey.error.version}");

    static final String OWNERS = "hasAnyRole('MARKET_DEPT', 'SERVICE_HEAD')";
    static final String AGENTS = "hasAnyRole('SERVICE_AGENT', 'MARKET_DEPT', 'SERVICE_HEAD')";
    static final String READERS = "hasAnyRole('MARKET_DEPT', 'SERVICE_HEAD', 'SERVICE_AGENT', 'LEADER')";

    private final Questionnaires questionnaires;
    private final Campaigns campaigns;
    private final Answering answering;
    private final SurveyJson json;

    SurveyController(Questionnaires questionnaires, Campaigns campaigns, Answering answering, SurveyJson json) {
        this.questionnaires = questionnaires;
        this.campaigns = campaigns;
        this.answering = answering;
        this.json = json;
    }

    record QuestionnaireBody(String title, List<Question> questions, Long version) {
    }

    record AnswerBody(List<Map<String, Object>> answers, Long version) {
    }

    record OutcomeBody(String status, String note, Long version) {
    }

    record VersionBody(Long version) {
    }

    @PostMapping("/api/v1/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OWNERS)
    Map<String, Object> createQuestionnaire(@RequestBody QuestionnaireBody b) {
        return json.questionnaire(questionnaires.create(b.title(), b.questions()));
    }

    @PutMapping("/api/v1/questionnaires/{id}")
    @PreAuthorize(OWNERS)
    Map<String, Object> reviseQuestionnaire(@PathVariable long id, @RequestBody QuestionnaireBody b,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json.questionnaire(questionnaires.revise(id, VERSION.of(b.version(), ifMatch), b.title(),
                b.questions()));
    }

    @GetMapping("/api/v1/questionnaires/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> questionnaire(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return json.questionnaire(questionnaires.get(id, version));
    }

    @GetMapping("/api/v1/questionnaires")
    @PreAuthorize(READERS)
    List<Map<String, Object>> questionnaires() {
        return questionnaires.list().stream().map(json::questionnaire).toList();
    }

    @PostMapping("/api/v1/survey-campaigns/preview")
    @PreAuthorize(OWNERS)
    Map<String, Object> preview(@RequestBody Campaigns.Plan plan) {
        return Map.of("sample", json.strata(campaigns.preview(plan), plan.strata()));
    }

    @PostMapping("/api/v1/survey-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OWNERS)
    Map<String, Object> createCampaign(@RequestBody Campaigns.Plan plan) {
        return json.campaign(campaigns.create(plan));
    }

    @GetMapping("/api/v1/survey-campaigns")
    @PreAuthorize(READERS)
    List<Map<String, Object>> campaigns() {
        return campaigns.list().stream().map(json::campaign).toList();
    }

    @GetMapping("/api/v1/survey-campaigns/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> campaign(@PathVariable long id) {
        return json.campaign(campaigns.get(id));
    }

    @PostMapping("/api/v1/survey-campaigns/{id}/close")
    @PreAuthorize(OWNERS)
    Map<String, Object> close(@PathVariable long id, @RequestBody(required = false) VersionBody b,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json.campaign(campaigns.close(id, VERSION.of(b == null ? null : b.version(), ifMatch)));
    }

    @GetMapping("/api/v1/survey-campaigns/{id}/assignments")
    @PreAuthorize(AGENTS)
    List<Map<String, Object>> assignments(@PathVariable long id, @RequestParam(required = false) String status) {
        return campaigns.assignments(id, status == null || status.isBlank() ? null : status.trim()).stream()
                .map(json::assignment).toList();
    }

    @PostMapping("/api/v1/survey-campaigns/{id}/assignments/{code}/answers")
    @PreAuthorize("hasRole('SERVICE_AGENT')")
    Map<String, Object> answer(@PathVariable long id, @PathVariable String code, @RequestBody AnswerBody b,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json.assignment(answering.answerByPhone(id, code, VERSION.of(b.version(), ifMatch),
                values(b.answers())));
    }

    @PostMapping("/api/v1/survey-campaigns/{id}/assignments/{code}/outcome")
    @PreAuthorize("hasRole('SERVICE_AGENT')")
    Map<String, Object> outcome(@PathVariable long id, @PathVariable String code, @RequestBody OutcomeBody b,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json.assignment(answering.recordOutcome(id, code, VERSION.of(b.version(), ifMatch), b.status(),
                b.note()));
    }

    @PostMapping("/api/v1/survey-campaigns/{id}/assignments/{code}/link")
    @PreAuthorize(AGENTS)
    Map<String, Object> link(@PathVariable long id, @PathVariable String code,
                             @RequestBody(required = false) VersionBody b,
                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Answering.Link link = answering.link(id, code, VERSION.of(b == null ? null : b.version(), ifMatch));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/{token}")
                .buildAndExpand(link.token()).toUriString());
        m.put("expiresAt", json.instant(link.expiresAt()));
        return m;
    }

    /** {@code [{"code","value"}]} → code → value as text; a missing or repeated code is refused. */
    static Map<String, String> values(List<Map<String, Object>> answers) {
        if (answers == null) {
            throw new InvalidInputException("answers", "{survey.error.answers}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Map<String, Object> a = answers.get(i);
            Object code = a == null ? null : a.get("code");
            Object value = a == null ? null : a.get("value");
            if (!(code instanceof String c) || c.isBlank() || values.containsKey(c)) {
                throw new InvalidInputException("answers[" + i + "].code", "{survey.error.answer.code}");
            }
            values.put(c, value == null ? null : String.valueOf(value));
        }
        return values;
    }
}
