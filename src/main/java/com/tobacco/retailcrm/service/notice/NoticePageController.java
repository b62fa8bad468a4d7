package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.customer.api.CustomerPageTab;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信息互通 pages: the notice list, the compose form with its audience chooser and live recipient count, a notice with
 * its deliveries and each recipient's delivery and reading, and the customer page's tab of what it was sent.
 */
@Controller
class NoticePageController implements CustomerPageTab {

    private static final int SHOWN = 500;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NoticeService service;
    private final NoticeController api;
    private final NoticeAudiences audiences;
    private final OrgDirectory orgs;
    private final Messages messages;
    private final CrmProperties crm;

    NoticePageController(NoticeService service, NoticeController api, NoticeAudiences audiences, OrgDirectory orgs,
                         Messages messages, CrmProperties crm) {
        this.service = service;
        this.api = api;
        this.audiences = audiences;
        this.orgs = orgs;
        this.messages = messages;
        this.crm = crm;
    }

    /** The compose form's fields as typed, to show them again with the errors. */
    record Form(String kind, String title, String body, List<String> countyCodes, List<String> retailFormats,
                List<String> customerClasses, String publishAt) {

        Notice.Audience audience() {
            return new Notice.Audience(NoticeController.clean(countyCodes), NoticeController.clean(retailFormats),
                    NoticeController.clean(customerClasses));
        }
    }

    @GetMapping("/notices")
    @PreAuthorize(NoticeController.READERS)
    String list(@RequestParam(required = false) String kind, Model model) {
        Notice.Kind k = NoticeController.kind(kind);
        model.addAttribute("notices", service.list(k).stream().map(this::row).toList());
        model.addAttribute("kinds", Notice.Kind.values());
        model.addAttribute("kind", k);
        model.addAttribute("canPublish", publisher(CurrentUsers.require()));
        return "notice/list";
    }

    @GetMapping("/notices/new")
    @PreAuthorize(NoticeController.PUBLISHERS)
    String compose(Model model) {
        return form(new Form("SUPPLY", "", "", List.of(), List.of(), List.of(), ""), Map.of(), model);
    }

    /** The live count under the audience chooser (htmx, on every change of the form). */
    @GetMapping("/notices/recipient-count")
    @PreAuthorize(NoticeController.PUBLISHERS)
    String count(@RequestParam(required = false) List<String> countyCodes,
                 @RequestParam(required = false) List<String> retailFormats,
                 @RequestParam(required = false) List<String> customerClasses, Model model) {
        count(new Form(null, null, null, countyCodes, retailFormats, customerClasses, null), model);
        return "notice/form :: count";
    }

    private void count(Form form, Model model) {
        try {
            model.addAttribute("count", service.count(form.audience()));
        } catch (BusinessRuleException e) {
            model.addAttribute("countError", messages.text(e.getMessage(), e.args()));
        }
    }

    @PostMapping("/notices")
    @PreAuthorize(NoticeController.PUBLISHERS)
    String publish(Form form, Model model, RedirectAttributes redirect) {
        try {
            Notice n = service.publish(new NoticeService.PublishCommand(form.kind(), form.title(), form.body(),
                    form.audience(), local(form.publishAt())));
            redirect.addFlashAttribute("flashSuccess", n.sent()
                    ? messages.text("notice.page.published", n.recipientCount())
                    : messages.text("notice.page.scheduled", text(n.publishAt())));
            return "redirect:/notices/" + n.id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), messages.text(p.message())));
            return form(form, errors, model);
        } catch (BusinessRuleException e) {
            String message = messages.text(e.getMessage(), e.args());
            return form(form, Map.of("audience", message), model);
        }
    }

    private String form(Form form, Map<String, String> errors, Model model) {
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Notice.Kind.values());
        model.addAttribute("counties", audiences.counties());
        model.addAttribute("formats", audiences.formats(locale));
        model.addAttribute("classes", audiences.classes(locale));
        model.addAttribute("titleMax", Notice.TITLE_MAX);
        model.addAttribute("bodyMax", Notice.BODY_MAX);
        count(form, model);
        return "notice/form";
    }

    @GetMapping("/notices/{id}")
    @PreAuthorize(NoticeController.READERS)
    String show(@PathVariable long id, Model model) {
        Notice n = service.get(id);
        model.addAttribute("n", row(n));
        model.addAttribute("audience", audiences.describe(n.audience(), LocaleContextHolder.getLocale()));
        model.addAttribute("deliveries", service.deliveries(id).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("batch", d.batchNo() + 1);
            m.put("status", d.status());
            m.put("attempts", d.attempts());
            m.put("lastError", d.lastError());
            m.put("deliveredAt", text(d.deliveredAt()));
            m.put("nextAttemptAt", "PENDING".equals(d.status()) ? text(d.nextAttemptAt()) : null);
            return m;
        }).toList());
        var recipients = service.recipients(id, SHOWN + 1);
        model.addAttribute("more", recipients.size() > SHOWN);
        model.addAttribute("shown", SHOWN);
        model.addAttribute("recipients", recipients.stream().limit(SHOWN).map(r -> {
            Map<String, Object> m = api.recipient(r);
            m.put("countyName", r.countyOrgUnitId() == null ? null
                    : orgs.findById(r.countyOrgUnitId()).map(OrgUnitRef::name).orElse(null));
            m.put("deliveredAtText", text(r.deliveredAt()));
            m.put("readAtText", text(r.readAt()));
            return m;
        }).toList());
        long read = 0;
        for (Object[] c : service.deliveryCounts(id)) {
            read += (long) c[2];
        }
        model.addAttribute("read", read);
        return "notice/detail";
    }

    @GetMapping("/customers/{code}/notices/panel")
    @PreAuthorize(NoticeController.READERS)
    String customerPanel(@PathVariable String code, Model model) {
        model.addAttribute("notices", service.sentTo(code, null).stream().map(n -> {
            Map<String, Object> m = row(n);
            m.put("readAtText", service.recipient(n.id(), code).map(r -> text(r.readAt())).orElse(null));
            return m;
        }).toList());
        return "notice/customer-panel :: panel";
    }

    @Override
    public Optional<Tab> tab(String customerCode) {
        return CurrentUsers.current().filter(NoticePageController::reader)
                .map(me -> new Tab("notices", messages.text("notice.page.customerTab"), "megaphone",
                        "/customers/" + customerCode + "/notices/panel"));
    }

    private Map<String, Object> row(Notice n) {
        Map<String, Object> m = api.json(n);
        m.put("publishAtText", text(n.publishAt()));
        m.put("publishedAtText", text(n.publishedAt()));
        return m;
    }

    private String text(Instant i) {
        return i == null ? null : MINUTES.format(i.atZone(crm.zone()));
    }

    /** A datetime-local input ({@code 2026-11-23T08:00}) as an instant in the company's zone; anything else as typed. */
    private String local(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(crm.zone()).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static boolean publisher(CurrentUser me) {
        return me.has(Role.MARKET_DEPT) || me.has(Role.SALES_DEPT);
    }

    private static boolean reader(CurrentUser me) {
        return publisher(me) || me.has(Role.CUSTOMER_MANAGER) || me.has(Role.MARKET_MANAGER)
                || me.has(Role.COUNTY_HEAD) || me.has(Role.DISTRIBUTION_DEPT) || me.has(Role.SERVICE_HEAD)
                || me.has(Role.LEADER);
    }
}
