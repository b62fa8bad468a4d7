package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.service.item.ServiceItemController;
import com.tobacco.retailcrm.service.item.ServiceItems;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * 拜访 pages: the visit form (made for a phone: one column, large controls) with the visit standard beside it, a visit
 * with its photos and the change request for each wrong archive field, the list, the week plan and the coverage.
 */
@Controller
class VisitPageController {

    /** The archive fields a manager checks on a visit (those the dictionary knows are offered). */
    static final List<String> CHECKABLE = List.of("storeName", "responsiblePerson", "address", "orderPhone",
            "retailFormat", "marketType", "businessArea", "deliveryRoute", "orderFrequency", "orderMethod",
            "settlementMethod", "visitCycle", "vulnerableGroup", "vulnerableKind", "birthday", "openedOn");
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final VisitService visits;
    private final VisitPlans plans;
    private final CoverageReport coverage;
    private final VisitJson json;
    private final ServiceItems items;
    private final CustomerArchive archive;
    private final CustomerFields fields;
    private final Messages messages;
    private final JsonMapper jsonMapper;
    private final CrmProperties crm;
    private final Clock clock;

    VisitPageController(VisitService visits, VisitPlans plans, CoverageReport coverage, VisitJson json,
                        ServiceItems items, CustomerArchive archive, CustomerFields fields, Messages messages,
                        JsonMapper jsonMapper, CrmProperties crm, Clock clock) {
        this.visits = visits;
        this.plans = plans;
        this.coverage = coverage;
        this.json = json;
        this.items = items;
        this.archive = archive;
        this.fields = fields;
        this.messages = messages;
        this.jsonMapper = jsonMapper;
        this.crm = crm;
        this.clock = clock;
    }

    /** An archive field as the form shows it: key, label and the value now in the archive. */
    record CheckField(String key, String label, String value) {
    }

    @GetMapping("/visits/new")
    @PreAuthorize(VisitController.RECORDERS)
    String form(@RequestParam(required = false) String customerCode, @RequestParam(required = false) String purpose,
                Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customerCode", customerCode == null ? "" : customerCode.strip());
        values.put("purpose", purpose == null ? "ROUTINE" : purpose);
        values.put("visitedAt", LocalDateTime.now(clock.withZone(crm.zone())).truncatedTo(ChronoUnit.MINUTES)
                .format(LOCAL_MINUTE));
        return showForm(values, List.of(), List.of(), null, model);
    }

    @PostMapping("/visits/new")
    @PreAuthorize(VisitController.RECORDERS)
    String save(@RequestParam Map<String, String> form,
                @RequestParam(name = "checkedFields", required = false) List<String> checked,
                @RequestParam(name = "wrongFields", required = false) List<String> wrong,
                Model model, RedirectAttributes redirect) {
        try {
            Visit v = visits.record(new VisitService.RecordCommand(form.get("customerCode"), form.get("visitedAt"),
                    form.get("purpose"), form.get("findings"), form.get("salesAnomaly"),
                    checked == null ? List.of() : checked, wrong == null ? List.of() : wrong, form.get("nextActions")));
            redirect.addFlashAttribute("flashSuccess", messages.text("visit.page.saved"));
            return "redirect:/visits/" + v.id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.merge(p.field(), messages.text(p.message()), (a, b) -> a + "；" + b));
            return showForm(form, checked, wrong, errors, model);
        } catch (NotFoundException | ForbiddenException e) {
            return showForm(form, checked, wrong, Map.of("customerCode", messages.text(e.getMessage(),
                    form.get("customerCode"))), model);
        }
    }

    private String showForm(Map<String, String> values, List<String> checked, List<String> wrong,
                            Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("checked", checked == null ? List.of() : checked);
        model.addAttribute("wrong", wrong == null ? List.of() : wrong);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("purposes", VisitPurpose.values());
        model.addAttribute("standard", items.find(ServiceItems.VISIT).orElse(null));
        String code = values.get("customerCode");
        if (code != null && !code.isBlank()) {
            archive.find(code.strip()).ifPresent(c -> {
                model.addAttribute("customer", c);
                model.addAttribute("checkFields", checkFields(c));
            });
        }
        return "service/visit-form";
    }

    private List<CheckField> checkFields(CustomerRecord c) {
        Locale locale = LocaleContextHolder.getLocale();
        List<CheckField> list = new ArrayList<>();
        for (String key : CHECKABLE) {
            fields.find(key).ifPresent(f -> list.add(new CheckField(key, f.label(locale), value(f, c.get(key), locale))));
        }
        return list;
    }

    private static String value(FieldDefinition f, Object value, Locale locale) {
        return value == null ? "—" : f.valueText(value, locale);
    }

    @GetMapping("/visits/{id}")
    @PreAuthorize(ServiceItemController.BUSINESS)
    String detail(@PathVariable long id, Model model) {
        Visit v = visits.get(id);
        model.addAttribute("visit", v);
        model.addAttribute("view", json.visit(v));
        model.addAttribute("photos", visits.photos(id));
        model.addAttribute("labels", v.checkedFields().stream().collect(Collectors.toMap(k -> k, json::fieldLabel,
                (a, b) -> a, LinkedHashMap::new)));
        var me = CurrentUsers.require();
        model.addAttribute("canUpload", me.username().equals(v.visitedBy()) || (me.has(Role.CUSTOMER_MANAGER)
                || me.has(Role.MARKET_MANAGER) || me.has(Role.COUNTY_HEAD)));
        return "service/visit-detail";
    }

    @PostMapping("/visits/{id}/photos")
    @PreAuthorize(VisitController.RECORDERS)
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try {
            visits.addPhoto(id, file == null ? null : file.getBytes());
            redirect.addFlashAttribute("flashSuccess", messages.text("visit.page.photoSaved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().stream().map(p -> messages.text(p.message()))
                    .collect(Collectors.joining("；")));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage()));
        }
        return "redirect:/visits/" + id;
    }

    @GetMapping("/visits/{id}/photos/{photoId}")
    @PreAuthorize(ServiceItemController.BUSINESS)
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photoId,
                                   @RequestParam(defaultValue = "false") boolean thumbnail) {
        return VisitController.serve(visits.photoFile(id, photoId, thumbnail));
    }

    @GetMapping("/visits")
    @PreAuthorize(ServiceItemController.BUSINESS)
    String list(@RequestParam(required = false) String customerCode, @RequestParam(required = false) String manager,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer page, Model model) {
        VisitService.Filter filter;
        try {
            filter = VisitController.filter(customerCode, manager, from, to);
        } catch (InvalidInputException e) {
            filter = new VisitService.Filter(null, null, null, null);
            model.addAttribute("filterError", e.problems().stream().map(p -> messages.text(p.message()))
                    .collect(Collectors.joining("；")));
        }
        var result = visits.list(filter, PageQuery.of(page == null ? 0 : Math.max(0, page), 20, null,
                Set.of("visitedAt"), "visitedAt,desc")).map(json::visit);
        model.addAttribute("result", result);
        model.addAttribute("customerCode", customerCode);
        model.addAttribute("manager", manager);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "service/visits";
    }

    @GetMapping("/visits/plan")
    @PreAuthorize(ServiceItemController.BUSINESS)
    String plan(@RequestParam(required = false) String manager, Model model) {
        model.addAttribute("plan", plans.plan(manager).stream().map(json::due).toList());
        model.addAttribute("manager", manager);
        model.addAttribute("managerName", json.name(manager == null || manager.isBlank()
                ? CurrentUsers.require().username() : manager.strip()));
        model.addAttribute("today", plans.today());
        model.addAttribute("canRecord", CurrentUsers.require().has(Role.CUSTOMER_MANAGER)
                || CurrentUsers.require().has(Role.MARKET_MANAGER) || CurrentUsers.require().has(Role.COUNTY_HEAD));
        return "service/visit-plan";
    }

    @GetMapping("/visits/coverage")
    @PreAuthorize(ServiceItemController.BUSINESS)
    String coverage(@RequestParam(required = false) String month, Model model) {
        YearMonth m;
        try {
            m = VisitController.month(month, plans.today());
        } catch (InvalidInputException e) {
            m = YearMonth.from(plans.today());
            model.addAttribute("monthError", messages.text("visit.error.month"));
        }
        Map<String, Object> shown = json.coverage(m, coverage.inScope(m));
        model.addAttribute("month", m.toString());
        model.addAttribute("figures", shown);
        // inside <script type="application/json">: no "<" may end the element early
        model.addAttribute("figuresJson", jsonMapper.writeValueAsString(shown).replace("<", "\\u003c"));
        return "service/visit-coverage";
    }
}
