package com.tobacco.retailcrm.survey.web;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.survey.service.Campaigns;
import com.tobacco.retailcrm.survey.service.Questionnaires;
import com.tobacco.retailcrm.survey.service.SurveyLabels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The JSON shapes of surveys, with people's, counties' and strata's names next to the codes. */
@Component
class SurveyJson {

    private final SurveyLabels labels;
    private final CrmProperties crm;

    SurveyJson(SurveyLabels labels, CrmProperties crm) {
        this.labels = labels;
        this.crm = crm;
    }

    Map<String, Object> questionnaire(Questionnaires.Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("version", v.version());
        m.put("currentVersion", v.currentVersion());
        m.put("title", v.title());
        m.put("answered", v.answered());
        m.put("createdAt", instant(v.createdAt()));
        m.put("createdBy", v.createdBy());
        m.put("questions", v.questions().stream().map(q -> {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("code", q.code());
            qm.put("text", q.text());
            qm.put("type", q.type());
            qm.put("options", q.options());
            qm.put("dimension", q.dimension());
            return qm;
        }).toList());
        return m;
    }

    Map<String, Object> campaign(Campaigns.Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("questionnaireId", c.questionnaireId());
        m.put("questionnaireVersion", c.questionnaireVersion());
        m.put("questionnaireTitle", c.questionnaireTitle());
        m.put("name", c.name());
        m.put("period", c.period());
        m.put("sampleSize", c.sampleSize());
        m.put("strata", c.strata());
        m.put("seed", c.seed());
        m.put("status", c.status());
        m.put("version", c.version());
        m.put("createdAt", instant(c.createdAt()));
        m.put("sample", strata(labels.campaignStrata(c.id()), c.strata()));
        return m;
    }

    List<Map<String, Object>> strata(List<Campaigns.Stratum> strata, List<String> fields) {
        return strata.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stratum", s.stratum());
            m.put("name", labels.stratum(s.stratum(), fields));
            m.put("population", s.population());
            m.put("sampled", s.sampled());
            return m;
        }).toList();
    }

    Map<String, Object> assignment(Campaigns.Assignment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerCode", a.customerCode());
        m.put("stratum", a.stratum());
        m.put("countyName", labels.county(a.countyOrgUnitId()));
        m.put("customerManager", a.customerManager());
        m.put("customerManagerName", labels.person(a.customerManager()));
        m.put("channel", a.channel());
        m.put("status", a.status());
        m.put("note", a.note());
        m.put("answeredAt", instant(a.answeredAt()));
        m.put("linkExpiresAt", instant(a.linkExpiresAt()));
        m.put("version", a.version());
        return m;
    }

    String instant(Instant i) {
        return i == null ? null : i.atZone(crm.zone()).toOffsetDateTime().toString();
    }
}
