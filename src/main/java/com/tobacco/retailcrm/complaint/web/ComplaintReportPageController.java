package com.tobacco.retailcrm.complaint.web;

import com.tobacco.retailcrm.complaint.service.ComplaintReport;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** 投诉月度分析 page: the figures, ECharts charts fed from the same JSON as the API, and the Excel download. */
@Controller
class ComplaintReportPageController {

    private final ComplaintReport report;
    private final ComplaintReportController api;
    private final Messages messages;
    private final Clock clock;
    private final CrmProperties crm;
    private final JsonMapper jsonMapper;

    ComplaintReportPageController(ComplaintReport report, ComplaintReportController api, Messages messages, Clock clock,
                                  CrmProperties crm, JsonMapper jsonMapper) {
        this.report = report;
        this.api = api;
        this.messages = messages;
        this.clock = clock;
        this.crm = crm;
        this.jsonMapper = jsonMapper;
    }

    @GetMapping("/reports/complaints")
    @PreAuthorize(ComplaintReportController.READERS)
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) String countyCode,
                Model model) {
        YearMonth m;
        try {
            m = api.month(month);
        } catch (InvalidInputException e) {
            m = YearMonth.from(clock.instant().atZone(crm.zone())).minusMonths(1);
            model.addAttribute("monthError", messages.text("complaint.error.month"));
        }
        Map<String, Object> shown = api.json(report.of(m, countyCode));
        model.addAttribute("figures", shown);
        // inside <script type="application/json">: no "<" may end the element early
        model.addAttribute("figuresJson", jsonMapper.writeValueAsString(shown).replace("<", "\\u003c"));
        model.addAttribute("month", m.toString());
        model.addAttribute("countyCode", countyCode);
        return "complaint/report";
    }

    @GetMapping("/reports/complaints.xlsx")
    @PreAuthorize(ComplaintReportController.READERS)
    void excel(@RequestParam(required = false) String month, @RequestParam(required = false) String countyCode,
               HttpServletResponse response) throws IOException {
        api.excel(month, countyCode, response);
    }
}
