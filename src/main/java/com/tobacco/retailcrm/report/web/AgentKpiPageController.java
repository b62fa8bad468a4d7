package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 话务员考核 page: a month's agents with their three indices, the coefficients used, and the Excel download. */
@Controller
class AgentKpiPageController {

    private final AgentKpiController api;

    AgentKpiPageController(AgentKpiController api) {
        this.api = api;
    }

    @GetMapping("/kpi/agents")
    @PreAuthorize(AgentKpiController.READERS)
    String page(@RequestParam(required = false) String month, Model model) {
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
