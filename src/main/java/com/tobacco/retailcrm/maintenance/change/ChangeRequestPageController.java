package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改维护任务单 pages: the list, a request's page with its steps and trail, the form from a customer, bulk upload. */
@Controller
class ChangeRequestPageController {

    private static final String FIELD_PREFIX = "f_";
    private static final Set<com.tobacco.retailcrm.security.api.Role> RAISER_ROLES = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(com.tobacco.retailcrm.security.api.Role.LEADER,
                    com.tobacco.retailcrm.security.api.Role.SYSTEM_ADMIN,
                    com.tobacco.retailcrm.security.api.Role.SECURITY_ADMIN,
                    com.tobacco.retailcrm.security.api.Role.AUDIT_ADMIN));

    private final ChangeRequestService service;
    private final ChangeRequestJson json;
    private final CustomerArchive archive;
    private final Messages messages;
    private final FormErrors formErrors;

    ChangeRequestPageController(ChangeRequestService service, ChangeRequestJson json, CustomerArchive archive,
                                Messages messages, FormErrors formErrors) {
        this.service = service;
        this.json = json;
        this.archive = archive;
        this.messages = messages;
        this.formErrors = formErrors;
    }

    @GetMapping("/change-requests")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(defaultValue = "waiting") String view, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, Model model) {
        String shown = Set.of("waiting", "mine", "all").contains(view) ? view : "waiting";
        String wanted = status == null || status.isBlank() || !Set.of("OPEN", "APPLIED", "COMPLETED", "REJECTED")
                .contains(status) ? null : status;
        var result = service.list(shown.equals("mine"), shown.equals("waiting"), wanted, null,
                PageQuery.of(page, 20, null, Set.of("createdAt"), "createdAt,desc")).map(json::of);
        model.addAttribute("view", shown);
        model.addAttribute("status", wanted);
        model.addAttribute("result", result);
        var me = com.tobacco.retailcrm.security.api.CurrentUsers.require();
        model.addAttribute("canRaise", me.roles().stream().anyMatch(RAISER_ROLES::contains));
        model.addAttribute("canBulk", me.has(com.tobacco.retailcrm.security.api.Role.MARKET_DEPT));
        return "workflow/change-requests";
    }

    @GetMapping("/change-requests/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long id, Model model) {
        ChangeRequest.Case c = service.get(id);
        model.addAttribute("cr", json.of(c));
        model.addAttribute("comingSteps", comingSteps(c));
        model.addAttribute("myStep", service.myOpenStep(id).map(s -> s.key().kind().actions()).orElse(null));
        return "workflow/change-request";
    }

    @PostMapping("/change-requests/{id}/complete")
    @PreAuthorize("isAuthenticated()")
    String complete(@PathVariable long id, @RequestParam(required = false) String action,
                    @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
        try {
            service.complete(id, action, comment);
            redirect.addFlashAttribute("flash", messages.text("change.page.done"));
            return "redirect:/change-requests/" + id;
        } catch (InvalidInputException | BusinessRuleException | ForbiddenException e) {
            model.addAttribute("errors", formErrors.lines(e));
            model.addAttribute("comment", comment);
            return show(id, model);
        }
    }

    @GetMapping("/change-requests/new")
    @PreAuthorize(ChangeRequestController.RAISERS)
    String form(@RequestParam(required = false) String customerCode, Model model) {
        model.addAttribute("customerCode", customerCode);
        model.addAttribute("types", List.of(ChangeType.GENERAL, ChangeType.PHONE, ChangeType.ORDER_CYCLE,
                ChangeType.ATTRIBUTE, ChangeType.URGENT));
        if (customerCode != null && !customerCode.isBlank()) {
            CustomerRecord customer = archive.find(customerCode.trim())
                    .orElseThrow(() -> new NotFoundException("customer.error.notFound", customerCode));
            List<FieldDefinition> fields = service.requestableFields(customer.customerCode());
            model.addAttribute("customer", customer);
            model.addAttribute("fields", fields);
            model.addAttribute("storeName", customer.get("storeName"));
        }
        return "workflow/change-request-form";
    }

    @PostMapping("/change-requests/new")
    @PreAuthorize(ChangeRequestController.RAISERS)
    String raise(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Object> changes = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(FIELD_PREFIX) && v != null && !v.isBlank()) {
                changes.put(k.substring(FIELD_PREFIX.length()), v);
            }
        });
        try {
            var created = service.raise(new ChangeRequestService.RaiseCommand(form.get("customerCode"), form.get("type"),
                    changes, form.get("reason")));
            redirect.addFlashAttribute("flash", messages.text("change.page.raised", created.request().id()));
            return "redirect:/change-requests/" + created.request().id();
        } catch (InvalidInputException | BusinessRuleException | ForbiddenException e) {
            model.addAttribute("errors", formErrors.lines(e));
            model.addAttribute("values", form);
            return form(form.get("customerCode"), model);
        }
    }

    @GetMapping("/change-requests/bulk")
    @PreAuthorize(Roles.MARKET_DEPT)
    String bulkForm() {
        return "workflow/change-request-bulk";
    }

    @PostMapping("/change-requests/bulk")
    @PreAuthorize(Roles.MARKET_DEPT)
    String bulk(@RequestParam(name = "file", required = false) MultipartFile file,
                @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", messages.text("change.error.bulk.noFile"));
            }
            var created = service.raiseBulk(file.getOriginalFilename(), file.getBytes(), reason);
            redirect.addFlashAttribute("flash", messages.text("change.page.raised", created.request().id()));
            return "redirect:/change-requests/" + created.request().id();
        } catch (InvalidInputException | BusinessRuleException e) {
            model.addAttribute("errors", formErrors.lines(e));
            model.addAttribute("reason", reason);
            return "workflow/change-request-bulk";
        }
    }

    /** The steps of the request's route after the furthest one reached, while it is in progress. */
    static List<String> comingSteps(ChangeRequest.Case c) {
        if (c.openSteps().isEmpty()) {
            return List.of();
        }
        List<StepKey> route = c.request().type().route();
        int reached = c.steps().stream().mapToInt(s -> route.indexOf(s.key())).max().orElse(-1);
        return route.subList(reached + 1, route.size()).stream().map(Enum::name).toList();
    }
}
