package com.tobacco.retailcrm.complaint.web;

import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.Channel;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.complaint.domain.Satisfaction;
import com.tobacco.retailcrm.complaint.service.ComplaintActions;
import com.tobacco.retailcrm.complaint.service.ComplaintFilter;
import com.tobacco.retailcrm.complaint.service.ComplaintIntake;
import com.tobacco.retailcrm.complaint.service.ComplaintListing;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

/** 投诉 pages: the intake form with its customer look-up, the list with filters and countdowns, a complaint's page. */
@Controller
class ComplaintPageController {

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ComplaintIntake intake;
    private final ComplaintActions actions;
    private final ComplaintListing listing;
    private final ComplaintJson json;
    private final ComplaintController api;
    private final FormErrors formErrors;
    private final Messages messages;
    private final Clock clock;
    private final CrmProperties crm;

    ComplaintPageController(ComplaintIntake intake, ComplaintActions actions, ComplaintListing listing,
                            ComplaintJson json, ComplaintController api, FormErrors formErrors, Messages messages,
                            Clock clock, CrmProperties crm) {
        this.intake = intake;
        this.actions = actions;
        this.listing = listing;
        this.json = json;
        this.api = api;
        this.formErrors = formErrors;
        this.messages = messages;
        this.clock = clock;
        this.crm = crm;
    }

    /** The intake form as typed; every value is checked by the service, which names the field of each mistake. */
    public static class IntakeForm {
        private String customerCode;
        private String customerLabel;
        private String contactName;
        private String contactPhone;
        private String channel = Channel.PHONE.name();
        private String category;
        private String priority = Priority.NORMAL.name();
        private String description;
        private String receivedAt;
        private String accusedEmployee;

        public String getCustomerCode() { return customerCode; }
        public void setCustomerCode(String v) { customerCode = v; }
        public String getCustomerLabel() { return customerLabel; }
        public void setCustomerLabel(String v) { customerLabel = v; }
        public String getContactName() { return contactName; }
        public void setContactName(String v) { contactName = v; }
        public String getContactPhone() { return contactPhone; }
        public void setContactPhone(String v) { contactPhone = v; }
        public String getChannel() { return channel; }
        public void setChannel(String v) { channel = v; }
        public String getCategory() { return category; }
        public void setCategory(String v) { category = v; }
        public String getPriority() { return priority; }
        public void setPriority(String v) { priority = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getReceivedAt() { return receivedAt; }
        public void setReceivedAt(String v) { receivedAt = v; }
        public String getAccusedEmployee() { return accusedEmployee; }
        public void setAccusedEmployee(String v) { accusedEmployee = v; }
    }

    @GetMapping("/complaints")
    @PreAuthorize(ComplaintController.BUSINESS)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean mine,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer page, Model model) {
        ComplaintFilter filter;
        try {
            filter = api.filter(status, category, overdue, mine, from, to);
        } catch (InvalidInputException e) {
            filter = ComplaintFilter.ANY;
            model.addAttribute("filterError", e.problems().stream().map(p -> p.field() + "：" + messages.text(p.message()))
                    .collect(Collectors.joining("；")));
        }
        var result = listing.list(filter, PageQuery.of(page == null ? 0 : Math.max(0, page), 20, null,
                Set.of("receivedAt"), "receivedAt,desc")).map(json::summary);
        model.addAttribute("result", result);
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("overdue", overdue);
        model.addAttribute("mine", mine);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("canTake", desk());
        return "complaint/list";
    }

    @GetMapping("/complaints/new")
    @PreAuthorize(ComplaintController.DESK)
    String form(Model model) {
        IntakeForm form = new IntakeForm();
        form.setReceivedAt(LOCAL_MINUTE.format(clock.instant().atZone(crm.zone())));
        return form(form, model);
    }

    private String form(IntakeForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("priorities", Priority.values());
        return "complaint/form";
    }

    @PostMapping("/complaints/new")
    @PreAuthorize(ComplaintController.DESK)
    String take(@ModelAttribute("form") IntakeForm form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        try {
            var taken = intake.intake(new ComplaintIntake.IntakeCommand(form.getCustomerCode(), form.getContactName(),
                    form.getContactPhone(), form.getChannel(), form.getCategory(), form.getPriority(),
                    form.getDescription(), form.getReceivedAt(), form.getAccusedEmployee(), null));
            redirect.addFlashAttribute("flashSuccess", messages.text("complaint.page.taken", taken.complaint().number()));
            return "redirect:/complaints/" + taken.complaint().id();
        } catch (RuntimeException e) {
            if (!formErrors.reject(e, binding)) {
                throw e;
            }
            return form(form, model);
        }
    }

    /** The look-up under the customer field (htmx): matches by phone, name, pinyin initials or code. */
    @GetMapping("/complaints/customer-lookup")
    @PreAuthorize(ComplaintController.DESK)
    String lookup(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() ? List.of() : intake.lookupCustomers(q));
        return "complaint/form :: lookup";
    }

    @GetMapping("/complaints/{id}")
    @PreAuthorize(ComplaintController.BUSINESS)
    String show(@PathVariable long id, Model model) {
        var details = listing.get(id);
        model.addAttribute("c", json.details(details));
        model.addAttribute("levels", CallbackLevel.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("suggested", details.complaint().accusedEmployee() == null ? List.of()
                : listing.superiorsOf(details.complaint().accusedEmployee()));
        return "complaint/detail";
    }

    /** One action from the complaint's page; a refusal comes back as the page's error message. */
    @PostMapping("/complaints/{id}/act")
    @PreAuthorize(ComplaintController.BUSINESS)
    String act(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Long version = form.get("version") == null || form.get("version").isBlank() ? null
                : Long.valueOf(form.get("version"));
        String action = form.getOrDefault("action", "");
        try {
            switch (action) {
                case "ASSIGN" -> actions.assign(id, version, form.get("assignee"), form.get("note"));
                case "RESPOND" -> actions.respond(id, version, form.get("message"));
                case "PAUSE" -> actions.pause(id, version, form.get("reason"));
                case "RESUME" -> actions.resume(id, version);
                case "RESOLVE" -> actions.resolve(id, version, form.get("reply"), form.get("cause"));
                case "CALLBACK" -> actions.callback(id, version, form.get("satisfaction"), form.get("note"),
                        form.get("level"));
                case "CLOSE" -> actions.close(id, version);
                case "LINK" -> actions.link(id, version, form.get("duplicateOf") == null ? null
                        : Long.valueOf(form.get("duplicateOf")));
                default -> throw new InvalidInputException("action", "{complaint.error.enum}");
            }
            redirect.addFlashAttribute("flashSuccess", messages.text("complaint.page.done",
                    messages.text("complaint.action." + action)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().stream()
                    .map(p -> messages.text("complaint.field." + p.field()) + "：" + messages.text(p.message()))
                    .collect(Collectors.joining("；")));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage(), e.args()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage(), e.args()));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage(), e.args()));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("flashError", messages.text("complaint.error.enum"));
        }
        return "redirect:/complaints/" + id;
    }

    private static boolean desk() {
        var me = CurrentUsers.require();
        return me.has(Role.SERVICE_AGENT) || me.has(Role.MARKET_DEPT);
    }
}
