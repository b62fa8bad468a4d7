package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 应急货源 pages: the list with the approver's queue, the request form, a request with its steps and decision, the
 * printable 报批表, the month's Excel export, and the brand catalogue with the threshold.
 */
@Controller
class SupplyPageController {

    private final EmergencySupplyService service;
    private final SupplyJson json;
    private final SupplyExport export;
    private final FormErrors formErrors;
    private final Messages messages;
    private final Clock clock;
    private final CrmProperties crm;

    SupplyPageController(EmergencySupplyService service, SupplyJson json, SupplyExport export, FormErrors formErrors,
                         Messages messages, Clock clock, CrmProperties crm) {
        this.service = service;
        this.json = json;
        this.export = export;
        this.formErrors = formErrors;
        this.messages = messages;
        this.clock = clock;
        this.crm = crm;
    }

    @GetMapping("/emergency-supply")
    @PreAuthorize(EmergencySupplyController.READERS)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean waiting,
                @RequestParam(required = false) Integer page, Model model) {
        boolean queue = waiting == null ? isApprover() : waiting;
        String shown = status;
        try {
            service.list(status, false, null, PageQuery.of(0, 1, null, Set.of("createdAt"), "createdAt,desc"));
        } catch (InvalidInputException e) {
            shown = null;
            model.addAttribute("filterError", messages.text("supply.error.enum"));
        }
        var result = service.list(shown, queue, null, PageQuery.of(page == null ? 0 : Math.max(0, page), 20, null,
                Set.of("createdAt"), "createdAt,desc")).map(d -> texts(json.summary(d)));
        model.addAttribute("result", result);
        model.addAttribute("status", shown);
        model.addAttribute("waiting", queue);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("canRaise", CurrentUsers.require().has(Role.CUSTOMER_MANAGER));
        model.addAttribute("month", YearMonth.from(clock.instant().atZone(crm.zone())).toString());
        return "supply/list";
    }

    private static boolean isApprover() {
        var me = CurrentUsers.require();
        return me.has(Role.SERVICE_HEAD) || me.has(Role.MARKETING_DEPUTY) || me.has(Role.MARKET_MANAGER);
    }

    @GetMapping("/emergency-supply/new")
    @PreAuthorize("hasRole('CUSTOMER_MANAGER')")
    String form(@RequestParam(required = false) String customerCode, Model model) {
        SupplyForm form = new SupplyForm();
        form.setCustomerCode(customerCode);
        form.setEventDate(LocalDate.ofInstant(clock.instant(), crm.zone()).plusDays(1).toString());
        return form(form, model);
    }

    private String form(SupplyForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("reasons", SupplyReason.values());
        model.addAttribute("brands", service.brands().stream().filter(b -> b.supplyClass().allowedInEmergency())
                .map(json::brand).toList());
        model.addAttribute("threshold", service.threshold()[0]);
        return "supply/form";
    }

    @PostMapping("/emergency-supply/new")
    @PreAuthorize("hasRole('CUSTOMER_MANAGER')")
    String raise(@ModelAttribute("form") SupplyForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        List<EmergencySupplyService.LineCommand> lines = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i < form.getLines().size(); i++) {
            SupplyForm.Line l = form.getLines().get(i);
            if (!l.blank()) {
                aliases.put("lines[" + lines.size() + "].brandCode", "lines[" + i + "].brandCode");
                aliases.put("lines[" + lines.size() + "].qty", "lines[" + i + "].qty");
                lines.add(new EmergencySupplyService.LineCommand(l.getBrandCode(), l.getQty()));
            }
        }
        try {
            var raised = service.raise(new EmergencySupplyService.RaiseCommand(form.getCustomerCode(),
                    form.getReason(), form.getEventDate(), lines, form.isSpecial(), form.getNote()));
            var details = service.get(raised.id());
            redirect.addFlashAttribute("flashSuccess", messages.text("supply.page.raised", raised.number(),
                    details.waitingStep().map(s -> messages.text("supply.role." + s.role())).orElse("")));
            return "redirect:/emergency-supply/" + raised.id();
        } catch (RuntimeException e) {
            if (!formErrors.reject(e, binding, aliases)) {
                throw e;
            }
            while (form.getLines().size() < SupplyForm.LINES) {
                form.getLines().add(new SupplyForm.Line());
            }
            return form(form, model);
        }
    }

    @GetMapping("/emergency-supply/{id}")
    @PreAuthorize(EmergencySupplyController.READERS)
    String show(@PathVariable long id, Model model) {
        model.addAttribute("r", texts(json.details(service.get(id))));
        return "supply/detail";
    }

    @PostMapping("/emergency-supply/{id}/decide")
    @PreAuthorize(EmergencySupplyController.READERS)
    String decide(@PathVariable long id, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String note, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        TaskAction decision = "REJECT".equals(action) ? TaskAction.REJECT : TaskAction.APPROVE;
        try {
            service.decide(id, decision, note, version);
            redirect.addFlashAttribute("flashSuccess", messages.text("supply.page.decided",
                    messages.text("supply.action." + decision)));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", ErrorText.of(e, messages));
        }
        return "redirect:/emergency-supply/" + id;
    }

    @GetMapping("/emergency-supply/{id}/print")
    @PreAuthorize(EmergencySupplyController.READERS)
    String print(@PathVariable long id, Model model) {
        model.addAttribute("r", texts(json.details(service.get(id))));
        return "supply/print";
    }

    @GetMapping("/emergency-supply/export")
    @PreAuthorize(EmergencySupplyController.READERS)
    void export(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        YearMonth m = EmergencySupplyController.month(month);
        export.write(m != null ? m : YearMonth.from(clock.instant().atZone(crm.zone())), response);
    }

    @GetMapping("/emergency-supply/brands")
    @PreAuthorize(EmergencySupplyController.READERS)
    String brands(Model model) {
        var me = CurrentUsers.require();
        long[] threshold = service.threshold();
        model.addAttribute("brands", service.brands().stream().map(json::brand).toList());
        model.addAttribute("classes", SupplyClass.values());
        model.addAttribute("threshold", threshold[0]);
        model.addAttribute("thresholdVersion", threshold[1]);
        model.addAttribute("canAddBrand", me.has(Role.SALES_DEPT));
        model.addAttribute("canSetThreshold", me.has(Role.SALES_DEPT) || me.has(Role.MARKET_DEPT));
        return "supply/brands";
    }

    @PostMapping("/emergency-supply/brands")
    @PreAuthorize("hasRole('SALES_DEPT')")
    String addBrand(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String supplyClass, RedirectAttributes redirect) {
        try {
            service.addBrand(code, name, supplyClass);
            redirect.addFlashAttribute("flashSuccess", messages.text("supply.page.brandAdded", name));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", ErrorText.of(e, messages));
        }
        return "redirect:/emergency-supply/brands";
    }

    @PostMapping("/emergency-supply/settings")
    @PreAuthorize(EmergencySupplyController.SETTINGS)
    String setThreshold(@RequestParam(required = false) String serviceHeadMaxQty,
                        @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            long[] set = service.setThreshold(serviceHeadMaxQty, version);
            redirect.addFlashAttribute("flashSuccess", messages.text("supply.page.thresholdSaved", set[0]));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", ErrorText.of(e, messages));
        }
        return "redirect:/emergency-supply/brands";
    }

    /** The instants of a request as the pages show them, {@code yyyy-MM-dd HH:mm} in the company's zone. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> texts(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        m.forEach((k, v) -> {
            if (k.endsWith("At")) {
                // every instant gets its text, null when it is null: the templates read the key either way
                out.put(k + "Text", v instanceof String s
                        ? OffsetDateTime.parse(s).toLocalDateTime().toString().replace('T', ' ').substring(0, 16) : null);
            }
            if (v instanceof List<?> list) {
                out.put(k, list.stream().map(e -> e instanceof Map<?, ?> map ? texts((Map<String, Object>) map) : e).toList());
            }
        });
        return out;
    }

}
