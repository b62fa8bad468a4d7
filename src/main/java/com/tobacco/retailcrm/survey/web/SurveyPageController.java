package com.tobacco.retailcrm.survey.web;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.survey.service.Answering;
import com.tobacco.retailcrm.survey.service.Campaigns;
import com.tobacco.retailcrm.survey.service.Questionnaires;
import com.tobacco.retailcrm.survey.service.SurveyLabels;
import com.tobacco.retailcrm.survey.service.SurveyResults;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * 满意度测评 pages: campaigns and questionnaires, a new campaign with its sample per stratum shown before it starts,
 * a campaign's response and results with charts, and the agents' call list with the answer sheet.
 */
@Controller
class SurveyPageController {

    private static final List<String> STRATA_FIELDS = List.of("marketType", "retailFormat", "businessScale",
            "settlementMethod", "orderMethod");

    private final Questionnaires questionnaires;
    private final Campaigns campaigns;
    private final Answering answering;
    private final SurveyResultsController results;
    private final SurveyLabels labels;
    private final SurveyJson json;
    private final CustomerArchive archive;
    private final Messages messages;
    private final JsonMapper jsonMapper;
    private final com.tobacco.retailcrm.shared.infrastructure.CrmProperties crm;

    SurveyPageController(Questionnaires questionnaires, Campaigns campaigns, Answering answering,
                         SurveyResultsController results, SurveyLabels labels, SurveyJson json, CustomerArchive archive,
                         Messages messages, JsonMapper jsonMapper,
                         com.tobacco.retailcrm.shared.infrastructure.CrmProperties crm) {
        this.questionnaires = questionnaires;
        this.campaigns = campaigns;
        this.answering = answering;
        this.results = results;
        this.labels = labels;
        this.json = json;
        this.archive = archive;
        this.messages = messages;
        this.jsonMapper = jsonMapper;
        this.crm = crm;
    }

    @GetMapping("/surveys")
    @PreAuthorize(SurveyResultsController.READERS)
    String list(Model model) {
        List<Campaigns.Campaign> all = campaigns.list();
        Map<Long, String> strataNames = new LinkedHashMap<>();
        all.forEach(c -> strataNames.put(c.id(), String.join(" × ", c.strata().stream().map(labels::field).toList())));
        model.addAttribute("campaigns", all);
        model.addAttribute("strataNames", strataNames);
        model.addAttribute("questionnaires", questionnaires.list());
        model.addAttribute("zone", crm.zone());
        model.addAttribute("canManage", canManage());
        return "survey/list";
    }

    /** The market department and the service head write questionnaires and start campaigns. */
    private static boolean canManage() {
        var me = com.tobacco.retailcrm.security.api.CurrentUsers.require();
        return me.has(com.tobacco.retailcrm.security.api.Role.MARKET_DEPT)
                || me.has(com.tobacco.retailcrm.security.api.Role.SERVICE_HEAD);
    }

    @GetMapping("/surveys/questionnaires/{id}")
    @PreAuthorize(SurveyResultsController.READERS)
    String questionnaire(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        model.addAttribute("q", questionnaires.get(id, version));
        model.addAttribute("canManage", canManage());
        return "survey/questionnaire";
    }

    @GetMapping("/surveys/campaigns/new")
    @PreAuthorize(SurveyController.OWNERS)
    String newCampaign(Model model) {
        return form(model, new Campaigns.Plan(null, null, null, 200, List.of("marketType", "retailFormat"), null),
                null, List.of());
    }

    @PostMapping("/surveys/campaigns/new")
    @PreAuthorize(SurveyController.OWNERS)
    String createCampaign(@RequestParam(required = false) Long questionnaireId,
                          @RequestParam(required = false) String name, @RequestParam(required = false) String period,
                          @RequestParam(required = false) Integer sampleSize,
                          @RequestParam(required = false) List<String> strata, @RequestParam(required = false) Long seed,
                          @RequestParam(required = false, defaultValue = "preview") String action, Model model,
                          RedirectAttributes redirect) {
        Campaigns.Plan plan = new Campaigns.Plan(questionnaireId, name, period, sampleSize,
                strata == null ? List.of() : strata, seed);
        try {
            if ("start".equals(action)) {
                Campaigns.Campaign c = campaigns.create(plan);
                redirect.addFlashAttribute("flashSuccess", "测评活动已开始，已抽取样本 " + c.sampleSize() + " 户");
                return "redirect:/surveys/campaigns/" + c.id();
            }
            return form(model, plan, json.strata(campaigns.preview(plan), plan.strata()), List.of());
        } catch (InvalidInputException | BusinessRuleException e) {
            return form(model, plan, null, errors(e));
        }
    }

    private String form(Model model, Campaigns.Plan plan, List<Map<String, Object>> preview, List<String> errors) {
        model.addAttribute("plan", plan);
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        model.addAttribute("questionnaires", questionnaires.list());
        Map<String, String> fields = new LinkedHashMap<>();
        STRATA_FIELDS.forEach(f -> fields.put(f, labels.field(f)));
        model.addAttribute("strataFields", fields);
        return "survey/campaign-form";
    }

    @GetMapping("/surveys/campaigns/{id}")
    @PreAuthorize(SurveyResultsController.READERS)
    String campaign(@PathVariable long id, @RequestParam(required = false, defaultValue = "dimension") String by,
                    @RequestParam(required = false) Long compareTo, Model model) {
        Campaigns.Campaign c = campaigns.get(id);
        SurveyResults.By grouping;
        try {
            grouping = SurveyResults.By.parse(by);
        } catch (InvalidInputException e) {
            grouping = SurveyResults.By.DIMENSION;
        }
        Map<String, Object> report = results.report(id, grouping, compareTo);
        model.addAttribute("c", c);
        Map<String, Long> population = new LinkedHashMap<>();
        campaigns.strata(id).forEach(s -> population.put(s.stratum(), s.population()));
        model.addAttribute("population", population);
        model.addAttribute("populationTotal", population.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("report", report);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> response = (List<Map<String, Object>>) report.get("response");
        Object rate = response.get(response.size() - 1).get("responseRate");
        model.addAttribute("responsePercent", rate == null ? "—"
                : new java.math.BigDecimal(rate.toString()).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%");
        model.addAttribute("by", grouping.name().toLowerCase());
        model.addAttribute("compareTo", compareTo);
        model.addAttribute("others", campaigns.list().stream().filter(o -> o.id() != id).toList());
        model.addAttribute("reportJson", jsonMapper.writeValueAsString(report).replace("<", "\\u003c"));
        model.addAttribute("strataNames", c.strata().stream().map(labels::field).toList());
        return "survey/campaign";
    }

    @GetMapping("/surveys/campaigns/{id}/results.xlsx")
    @PreAuthorize(SurveyResultsController.READERS)
    void excel(@PathVariable long id, @RequestParam(required = false, defaultValue = "dimension") String by,
               @RequestParam(required = false) Long compareTo, HttpServletResponse response) throws IOException {
        results.results(id, by, compareTo, "xlsx", response);
    }

    @GetMapping("/surveys/calls")
    @PreAuthorize("hasRole('SERVICE_AGENT')")
    String calls(Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Campaigns.Assignment a : campaigns.workList(200)) {
            Map<String, Object> m = json.assignment(a);
            m.put("campaignId", a.campaignId());
            m.put("campaignName", campaigns.get(a.campaignId()).name());
            m.put("storeName", archive.find(a.customerCode()).map(CustomerRecord::fields)
                    .map(v -> v.get("storeName")).orElse(a.customerCode()));
            rows.add(m);
        }
        model.addAttribute("rows", rows);
        return "survey/calls";
    }

    @GetMapping("/surveys/calls/{id}/{code}")
    @PreAuthorize("hasRole('SERVICE_AGENT')")
    String sheet(@PathVariable long id, @PathVariable String code, Model model) {
        return sheet(id, code, model, Map.of(), Map.of(), List.of());
    }

    @PostMapping("/surveys/calls/{id}/{code}")
    @PreAuthorize("hasRole('SERVICE_AGENT')")
    String answer(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> form,
                  Model model, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("q_")) {
                values.put(k.substring(2), v);
            }
        });
        String action = form.getOrDefault("action", "answer");
        Long version = form.get("version") == null ? null : Long.valueOf(form.get("version"));
        try {
            switch (action) {
                case "REFUSED", "UNREACHABLE" -> answering.recordOutcome(id, code, version, action, form.get("note"));
                case "link" -> {
                    Answering.Link link = answering.link(id, code, version);
                    redirect.addFlashAttribute("linkUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/s/{t}").buildAndExpand(link.token()).toUriString());
                    redirect.addFlashAttribute("linkExpiresAt", json.instant(link.expiresAt()));
                    return "redirect:/surveys/calls/" + id + "/" + code;
                }
                default -> answering.answerByPhone(id, code, version, values);
            }
            redirect.addFlashAttribute("flashSuccess", "已记录：" + code);
            return "redirect:/surveys/calls";
        } catch (InvalidInputException e) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            e.problems().forEach(p -> fieldErrors.put(p.field().replace("answers.", ""), messages.text(p.message())));
            return sheet(id, code, model, values, fieldErrors, List.of(messages.text("survey.ui.fix")));
        } catch (BusinessRuleException | ConflictException e) {
            return sheet(id, code, model, values, Map.of(), errors(e));
        }
    }

    private String sheet(long id, String code, Model model, Map<String, String> values, Map<String, String> fieldErrors,
                         List<String> errors) {
        Campaigns.Campaign c = campaigns.get(id);
        Campaigns.Assignment a = answering.find(id, code)
                .orElseThrow(() -> new com.tobacco.retailcrm.shared.api.NotFoundException(
                        "survey.error.assignment.notFound", code));
        var q = questionnaires.get(c.questionnaireId(), c.questionnaireVersion());
        model.addAttribute("c", c);
        model.addAttribute("a", json.assignment(a));
        model.addAttribute("customer", archive.find(code).map(CustomerRecord::fields).orElse(Map.of()));
        model.addAttribute("q", q);
        model.addAttribute("dimensions", q.questions().stream().map(x -> x.dimension()).distinct().toList());
        model.addAttribute("values", values);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("errors", errors);
        model.addAttribute("ratingLabels", new String[] {"", "很不满意", "不满意", "一般", "满意", "很满意"});
        return "survey/sheet";
    }

    private List<String> errors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> messages.text(p.message())).toList();
        }
        if (e instanceof BusinessRuleException rule) {
            return List.of(messages.text(rule.getMessage(), rule.args()));
        }
        if (e instanceof ConflictException conflict) {
            return List.of(messages.text(conflict.getMessage(), conflict.args()));
        }
        return List.of(e.getMessage());
    }
}
