package com.tobacco.retailcrm.customer.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldGroup;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import com.tobacco.retailcrm.customer.domain.CustomerArchiveService;
import com.tobacco.retailcrm.customer.domain.EditPermissions;
import com.tobacco.retailcrm.customer.domain.FieldDictionary;
import com.tobacco.retailcrm.customer.domain.FieldValues;
import com.tobacco.retailcrm.customer.domain.SensitiveAccess;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import com.tobacco.retailcrm.customer.lifecycle.PersonalDataLifecycle;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** 客户档案页面 — the list with filters, the customer page with its six groups, the edit form, status and history. */
@Controller
@RequestMapping("/customers")
class CustomerPageController {

    private static final String BUSINESS_ROLES = Roles.BUSINESS;

    private final CustomerArchiveService archive;
    private final FieldDictionary dictionary;
    private final OrgDirectory org;
    private final Messages messages;
    private final CrmProperties properties;
    private final PersonalDataLifecycle lifecycle;
    private final UserDirectory users;
    private final List<com.tobacco.retailcrm.customer.api.CustomerPageTab> tabs;

    CustomerPageController(CustomerArchiveService archive, FieldDictionary dictionary, OrgDirectory org, Messages messages,
                           CrmProperties properties, PersonalDataLifecycle lifecycle, UserDirectory users,
                           List<com.tobacco.retailcrm.customer.api.CustomerPageTab> tabs) {
        this.tabs = tabs;
        this.lifecycle = lifecycle;
        this.users = users;
        this.properties = properties;
        this.archive = archive;
        this.dictionary = dictionary;
        this.org = org;
        this.messages = messages;
    }

    /** One field as the customer page shows it. */
    record FieldRow(String key, String label, String value, boolean missing, boolean masked, boolean revealable,
                    String requiredLevel, boolean person) {
    }

    /** A tab of the customer page. */
    record GroupView(String group, List<FieldRow> rows, long missing) {
    }

    @GetMapping
    @PreAuthorize(BUSINESS_ROLES)
    String list(@RequestParam Map<String, String> params, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("dict", dictionary);
        model.addAttribute("labels", optionLabels());
        model.addAttribute("counties", org.all().stream().filter(u -> u.type() == OrgUnitType.COUNTY).toList());
        try {
            var query = CustomerController.query(withoutEmpty(params));
            model.addAttribute("page", archive.search(query,
                    PageQuery.of(page, 20, params.get("sort"), CustomerArchiveService.sortableFields(), "customerCode,asc")));
        } catch (InvalidInputException e) {
            model.addAttribute("page", new PageResponse<>(List.of(), 0, 0, 20));
            model.addAttribute("searchErrors", e.problems().stream().map(p -> messages.text(p.message())).toList());
        }
        return "customer/list";
    }

    @GetMapping("/{code}")
    @PreAuthorize(BUSINESS_ROLES)
    String show(@PathVariable String code, Model model) {
        return page(archive.view(code, false), model);
    }

    /** 查看: shows the masked values in clear to those who may see them; the read is audited. */
    @PostMapping("/{code}/reveal")
    @PreAuthorize(BUSINESS_ROLES)
    String reveal(@PathVariable String code, Model model) {
        model.addAttribute("revealed", true);
        return page(archive.view(code, true), model);
    }

    /** The history source of a customer's creation as words: 直接录入, 批量导入 #12, 新户入网 #5. */
    private String channelText(String source) {
        if (source == null) {
            return null;
        }
        int colon = source.indexOf(':');
        String kind = colon < 0 ? source : source.substring(0, colon);
        String text = messages.text("customer.lifecycle.channel." + kind);
        return colon < 0 ? text : text + " #" + source.substring(colon + 1);
    }

    private String page(CustomerRecord customer, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        var user = CurrentUsers.require();
        String manager = (String) customer.get("customerManager");
        Set<String> missing = Set.copyOf(customer.missingFields());
        List<GroupView> groups = new ArrayList<>();
        for (FieldGroup group : FieldGroup.values()) {
            List<FieldRow> rows = dictionary.all().stream().filter(f -> f.group() == group).map(f -> new FieldRow(
                    f.key(), f.label(locale), display(f, customer.get(f.key()), locale), missing.contains(f.key()),
                    customer.masked().contains(f.key()),
                    customer.masked().contains(f.key()) && SensitiveAccess.mayReadClear(user, manager, f),
                    f.requiredLevel() == RequiredLevel.OPTIONAL || f.system() ? null : f.requiredLevel().name(),
                    f.type() == FieldType.USER)).toList();
            if (!rows.isEmpty()) {
                groups.add(new GroupView(group.name(), rows, rows.stream().filter(FieldRow::missing).count()));
            }
        }
        model.addAttribute("customer", customer);
        model.addAttribute("groups", groups);
        model.addAttribute("history", archive.history(customer.customerCode()));
        model.addAttribute("moduleTabs", tabs.stream().flatMap(t -> t.tab(customer.customerCode()).stream()).toList());
        model.addAttribute("zone", properties.zone());
        model.addAttribute("editable", archive.directlyEditable(customer.customerCode()));
        model.addAttribute("mayRequestChanges", EditPermissions.mayRequestChanges(user, (String) customer.get("status")));
        model.addAttribute("statusField", dictionary.require("status"));
        model.addAttribute("dict", dictionary);
        model.addAttribute("labels", optionLabels());
        lifecycle.consent(customer.customerCode()).ifPresent(c -> {
            model.addAttribute("consent", c);
            model.addAttribute("consentBy", users.find(c.obtainedBy()).map(UserRef::displayName).orElse(c.obtainedBy()));
            model.addAttribute("consentChannel", channelText(c.channel()));
        });
        lifecycle.erasure(customer.customerCode()).ifPresent(e -> {
            model.addAttribute("erasure", e);
            model.addAttribute("erasedFields", e.fields().stream().map(f -> dictionary.find(f).map(d -> d.label(locale))
                    .orElseGet(() -> messages.text("customer.lifecycle.field." + f))).toList());
        });
        lifecycle.destructionDue(customer.customerCode()).ifPresent(d -> model.addAttribute("destructionDue", d));
        model.addAttribute("anyRevealable", groups.stream().flatMap(g -> g.rows().stream()).anyMatch(FieldRow::revealable));
        return "customer/detail";
    }

    @GetMapping("/{code}/edit")
    @PreAuthorize(BUSINESS_ROLES)
    String editForm(@PathVariable String code, Model model) {
        CustomerRecord customer = archive.view(code, false);
        return form(customer, formValues(customer), Map.of(), model);
    }

    @PostMapping("/{code}/edit")
    @PreAuthorize(BUSINESS_ROLES)
    String edit(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        Set<String> editable = archive.directlyEditable(code);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : editable) {
            FieldDefinition f = dictionary.require(key);
            String value = form.get(key);
            if (value == null || f.type() == FieldType.IMAGE || (f.sensitive() && value.isBlank())) {
                continue; // not on the form, or a sensitive field left empty: keep what is there
            }
            changes.put(key, value.isBlank() ? null : value);
        }
        try {
            long version = Long.parseLong(form.getOrDefault("version", "-1"));
            var applied = archive.applyChanges(code, changes, version, ChangeSource.direct(), null);
            redirect.addFlashAttribute("flashSuccess", messages.text("customer.ui.saved", applied.changes().size()));
            return "redirect:/customers/" + UriUtils.encodePathSegment(code, "UTF-8");
        } catch (InvalidInputException | ForbiddenException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            List<FieldProblem> problems = e instanceof InvalidInputException i ? i.problems() : ((ForbiddenException) e).problems();
            problems.forEach(p -> errors.merge(p.field(), messages.text(p.message()), (a, b) -> a + "；" + b));
            if (errors.isEmpty()) {
                errors.put("version", messages.text(e.getMessage()));
            }
            return form(archive.view(code, false), form, errors, model);
        } catch (NumberFormatException | ConflictException | BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", messages.text(e instanceof NumberFormatException
                    ? "customer.error.version" : e.getMessage(), args(e)));
            return "redirect:/customers/" + UriUtils.encodePathSegment(code, "UTF-8");
        }
    }

    private String form(CustomerRecord customer, Map<String, ?> values, Map<String, String> errors, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Set<String> editable = archive.directlyEditable(customer.customerCode());
        // photos are uploaded on their own page, not typed in as references
        List<FieldDefinition> fields = dictionary.all().stream()
                .filter(f -> editable.contains(f.key()) && f.type() != FieldType.IMAGE).toList();
        model.addAttribute("customer", customer);
        model.addAttribute("formFields", fields);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("locale", locale);
        model.addAttribute("labels", optionLabels());
        return "customer/edit";
    }

    @PostMapping("/{code}/status")
    @PreAuthorize(BUSINESS_ROLES)
    String changeStatus(@PathVariable String code, @RequestParam String status, @RequestParam(required = false) String reason,
                        @RequestParam long version, RedirectAttributes redirect) {
        try {
            archive.applyChanges(code, Map.of("status", status), version, ChangeSource.direct(), reason);
            redirect.addFlashAttribute("flashSuccess", messages.text("customer.ui.statusChanged"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().stream().map(p -> messages.text(p.message()))
                    .reduce((a, b) -> a + "；" + b).orElse(""));
        } catch (ForbiddenException | ConflictException | BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage(), args(e)));
        }
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, "UTF-8");
    }

    private static Object[] args(RuntimeException e) {
        if (e instanceof BusinessRuleException b) {
            return b.args();
        }
        if (e instanceof ConflictException c) {
            return c.args();
        }
        return e instanceof ForbiddenException f ? f.args() : new Object[0];
    }

    /** The current values as form text (masked sensitive values are left empty: typing one replaces it). */
    private Map<String, String> formValues(CustomerRecord customer) {
        Map<String, String> values = new LinkedHashMap<>();
        customer.fields().forEach((k, v) -> {
            if (!customer.masked().contains(k)) {
                values.put(k, FieldValues.format(v));
            }
        });
        values.put("version", String.valueOf(customer.version()));
        return values;
    }

    static String display(FieldDefinition f, Object value, Locale locale) {
        if (value == null) {
            return null;
        }
        if (f.type() == FieldType.ENUM) {
            String code = value.toString();
            return f.option(code).map(o -> "en".equals(locale.getLanguage()) ? o.labelEn() : o.labelZh()).orElse(code);
        }
        if (value instanceof Boolean b) {
            return "en".equals(locale.getLanguage()) ? (b ? "Yes" : "No") : (b ? "是" : "否");
        }
        return FieldValues.format(value);
    }

    /** Enum field → code → name in the user's language, for tables. */
    private Map<String, Map<String, String>> optionLabels() {
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        dictionary.all().stream().filter(f -> f.type() == FieldType.ENUM).forEach(f -> {
            Map<String, String> byCode = new LinkedHashMap<>();
            f.options().forEach(o -> byCode.put(o.code(), en ? o.labelEn() : o.labelZh()));
            labels.put(f.key(), byCode);
        });
        return labels;
    }

    private static Map<String, String> withoutEmpty(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank() && !k.equals("page") && !k.equals("sort") && !k.equals("size")
                    && !k.equals("lang")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
