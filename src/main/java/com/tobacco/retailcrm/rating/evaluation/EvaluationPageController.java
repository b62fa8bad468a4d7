package com.tobacco.retailcrm.rating.evaluation;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.rating.PageErrors;
import com.tobacco.retailcrm.rating.integrity.RatingService;
import com.tobacco.retailcrm.rating.violation.ViolationService;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * 客户评价 pages: the ranked list of a period (the market department computes periods there) and a customer's page
 * with the five dimensions as a radar chart (ECharts), their scores over the periods, grade, inspection frequency
 * and law-abiding status.
 */
@Controller
class EvaluationPageController {

    private static final List<String> DIMENSIONS = List.of("contribution", "dependence", "integrity", "growth",
            "cooperation");

    private final EvaluationService service;
    private final RatingService ratings;
    private final ViolationService violations;
    private final CustomerArchive archive;
    private final Messages messages;
    private final JsonMapper json;

    EvaluationPageController(EvaluationService service, RatingService ratings, ViolationService violations,
                             CustomerArchive archive, Messages messages, JsonMapper json) {
        this.service = service;
        this.ratings = ratings;
        this.violations = violations;
        this.archive = archive;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/evaluations")
    @PreAuthorize(EvaluationController.READERS)
    String list(@RequestParam(required = false) String period, @RequestParam(required = false) String retailFormat,
                @RequestParam(required = false) Integer page, Model model) {
        String format = retailFormat == null || retailFormat.isBlank() ? null : retailFormat;
        PageQuery query = PageQuery.of(page, 50, null, Set.of("rank"), "rank,asc");
        PageResponse<EvaluationService.Score> result;
        try {
            result = service.ranking(period, format, query).orElse(null);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", PageErrors.of(e, messages));
            result = null;
        }
        List<EvaluationService.Run> runs = service.runs();
        model.addAttribute("runs", runs);
        model.addAttribute("result", result == null ? new PageResponse<>(List.of(), 0, 0, 50) : result);
        model.addAttribute("period", period != null && !period.isBlank() ? period
                : runs.isEmpty() ? null : runs.get(0).period());
        model.addAttribute("retailFormat", format);
        model.addAttribute("weights", service.weights());
        model.addAttribute("cooperationPoints", service.cooperationPoints());
        model.addAttribute("mayCompute", CurrentUsers.require().has(Role.MARKET_DEPT));
        return "rating/evaluations";
    }

    @PostMapping("/evaluations")
    @PreAuthorize(Roles.MARKET_DEPT)
    String compute(@RequestParam(required = false) String period, RedirectAttributes redirect) {
        try {
            EvaluationService.Run run = service.compute(period);
            redirect.addFlashAttribute("flashSuccess", messages.text("rating.page.computed", run.period(),
                    run.customers()));
            redirect.addAttribute("period", run.period());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", PageErrors.text(PageErrors.of(e, messages), messages));
        }
        return "redirect:/evaluations";
    }

    @GetMapping("/evaluations/customers/{customerCode}")
    @PreAuthorize(EvaluationController.READERS)
    String customer(@PathVariable String customerCode, Model model) {
        CustomerRecord customer = archive.find(customerCode)
                .orElseThrow(() -> new NotFoundException("customer.error.notFound", customerCode));
        List<EvaluationService.Score> scores = service.ofCustomer(customerCode);
        model.addAttribute("customer", customer);
        model.addAttribute("scores", scores);
        model.addAttribute("supervision", ratings.supervision(customerCode));
        model.addAttribute("lawAbiding", violations.statusOf(customerCode).name());
        model.addAttribute("radar", scores.isEmpty() ? null : radar(scores));
        model.addAttribute("cooperationPoints", service.cooperationPoints());
        return "rating/evaluation";
    }

    /** The radar's data for the page script: the dimensions' names, the latest period and the one before it. */
    private String radar(List<EvaluationService.Score> scores) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("indicators", DIMENSIONS.stream().map(d -> messages.text("rating.dimension." + d)).toList());
        data.put("series", scores.stream().limit(2).map(s -> Map.of("name", s.period(), "value", List.of(
                s.contribution(), s.dependence(), s.integrity(), s.growth(), s.cooperation()))).toList());
        return json.writeValueAsString(data);
    }
}
