package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.report.agents.AgentScores;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 话务员考核 page: a month's agents with their three indices, the coefficients, the Excel download and the file upload. */
@Controller
class AgentKpiPageController {

    /** The Chinese column names of the import file, by the API's field names its errors use. */
    private static final Map<String, String> FIELD_LABELS = Map.of("agent", "话务员账号", "calls", "话务量",
            "complaintCalls", "投诉电话", "callTarget", "月话务目标", "monitoringScore", "监听得分", "testCallScore",
            "测试电话得分", "complaints", "被投诉次数", "trainingScore", "培训平均分", "absences", "缺勤次数");

    private final AgentKpiController api;
    private final Messages messages;

    AgentKpiPageController(AgentKpiController api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/kpi/agents")
    @PreAuthorize(AgentKpiController.READERS)
    String page(@RequestParam(required = false) String month, Model model) {
        return page(month, model, null, List.of());
    }

    /**
     * The upload form's file for the month shown: stored whole with a note, or the page again with the file's error
     * or each refused row (nothing stored).
     */
    @PostMapping("/kpi/agents/import")
    @PreAuthorize(AgentKpiController.EDITORS)
    String upload(@RequestParam(required = false) String month,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect) {
        AgentScores.ImportResult r;
        try {
            r = api.importUpload(month, file);
        } catch (InvalidInputException e) {
            return page(month, model, messages.text(e.problems().get(0).message()), List.of());
        }
        if (!r.errors().isEmpty()) {
            model.addAttribute("importRefused", messages.text("report.agents.import.refused", r.errors().size()));
            return page(month, model, null, api.importJson(api.month(month), r).get("errors"));
        }
        redirect.addFlashAttribute("flashSuccess", "已导入 " + r.stored() + " 名话务员的考核数据，该月原有数据已替换");
        return "redirect:/kpi/agents?month=" + api.month(month);
    }

    private String page(String month, Model model, String fileError, Object rowErrors) {
        model.addAttribute("fileError", fileError);
        model.addAttribute("rowErrors", rowErrors);
        model.addAttribute("fieldLabels", FIELD_LABELS);
        model.addAttribute("canEdit", CurrentUsers.require().has(Role.SERVICE_HEAD)
                || CurrentUsers.require().has(Role.MARKET_DEPT));
        YearMonth m;
        try {
            m = api.month(month);
        } catch (InvalidInputException e) {
            m = api.month(null);
            model.addAttribute("monthError", "月份格式应为 YYYY-MM");
        }
        model.addAttribute("month", m.toString());
        model.addAttribute("rows", api.rows(m));
        model.addAttribute("settings", api.settings());
        return "report/agents";
    }

    @GetMapping("/kpi/agents.xlsx")
    @PreAuthorize(AgentKpiController.READERS)
    void excel(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        api.agents(month, "xlsx", response);
    }
}
