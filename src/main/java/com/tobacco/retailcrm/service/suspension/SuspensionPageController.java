package com.tobacco.retailcrm.service.suspension;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 服务暂停 pages: the list with the announcement form, and a suspension with its affected customers counted by county
 * and the managers' call list (打电话告知) with their marks.
 */
@Controller
class SuspensionPageController {

    private final SuspensionService service;
    private final SuspensionController api;
    private final OrgDirectory orgs;
    private final Messages messages;
    private final com.tobacco.retailcrm.security.api.UserDirectory users;

    SuspensionPageController(SuspensionService service, SuspensionController api, OrgDirectory orgs, Messages messages,
                             com.tobacco.retailcrm.security.api.UserDirectory users) {
        this.users = users;
        this.service = service;
        this.api = api;
        this.orgs = orgs;
        this.messages = messages;
    }

    @GetMapping("/service-suspensions")
    @PreAuthorize(SuspensionController.READERS)
    String list(Model model) {
        var me = CurrentUsers.require();
        model.addAttribute("suspensions", service.list().stream().map(api::json).map(SuspensionPageController::texts).toList());
        model.addAttribute("canAnnounce", me.has(Role.DISTRIBUTION_DEPT) || me.has(Role.MARKET_DEPT));
        model.addAttribute("counties", orgs.all().stream().filter(u -> u.type() == OrgUnitType.COUNTY).toList());
        model.addAttribute("causes", Suspension.Cause.values());
        return "suspension/list";
    }

    @PostMapping("/service-suspensions")
    @PreAuthorize(SuspensionController.ANNOUNCERS)
    String announce(@RequestParam(required = false) String cause,
                    @RequestParam(required = false) List<String> countyCodes,
                    @RequestParam(required = false) String deliveryRoutes,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) List<String> services,
                    @RequestParam(required = false) String notice,
                    @RequestParam(required = false) Boolean cashSettlement, RedirectAttributes redirect) {
        try {
            Suspension s = service.announce(new SuspensionService.AnnounceCommand(cause, countyCodes, List.of(),
                    deliveryRoutes == null ? List.of() : Arrays.asList(deliveryRoutes.split("[,，\\s]+")),
                    local(from), local(to), services, notice, cashSettlement));
            redirect.addFlashAttribute("flashSuccess", messages.text("suspension.page.announced",
                    service.customers(s.id()).size()));
            return "redirect:/service-suspensions/" + s.id();
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", text(e));
            return "redirect:/service-suspensions";
        }
    }

    /** A datetime-local input ({@code 2026-11-23T08:00}) read in the company's zone by the service as a date or instant. */
    private static String local(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() == 16 ? value + ":00+08:00" : value;
    }

    @GetMapping("/service-suspensions/{id}")
    @PreAuthorize(SuspensionController.READERS)
    String show(@PathVariable long id, Model model) {
        var me = CurrentUsers.require();
        Map<String, Object> s = texts(api.json(service.get(id)));
        var customers = service.customers(id);
        Map<String, String> countyNames = orgs.all().stream().filter(u -> u.type() == OrgUnitType.COUNTY)
                .collect(Collectors.toMap(OrgUnitRef::code, OrgUnitRef::name, (a, b) -> a));
        Map<String, long[]> byCounty = new TreeMap<>();
        customers.forEach(c -> {
            long[] counts = byCounty.computeIfAbsent(countyNames.getOrDefault(c.countyCode(), c.countyCode()),
                    k -> new long[3]);
            counts[0]++;
            counts[1] += c.notified() ? 1 : 0;
            counts[2] += c.keyCustomer() ? 1 : 0;
        });
        model.addAttribute("s", s);
        model.addAttribute("customers", customers.stream().map(api::customer).map(c -> {
            Map<String, Object> row = new LinkedHashMap<>(c);
            row.put("countyName", countyNames.getOrDefault((String) c.get("countyCode"), (String) c.get("countyCode")));
            return row;
        }).toList());
        model.addAttribute("byCounty", byCounty);
        model.addAttribute("makeUps", service.makeUps(id).stream().map(m -> m.storeName() + " · "
                + users.find(m.manager()).map(com.tobacco.retailcrm.security.api.UserRef::displayName)
                .orElse(m.manager())).toList());
        model.addAttribute("canEnd", "ACTIVE".equals(s.get("status"))
                && (me.has(Role.DISTRIBUTION_DEPT) || me.has(Role.MARKET_DEPT)));
        model.addAttribute("me", me.username());
        model.addAttribute("canCall", me.has(Role.CUSTOMER_MANAGER) || me.has(Role.MARKET_MANAGER)
                || me.has(Role.COUNTY_HEAD));
        return "suspension/detail";
    }

    @PostMapping("/service-suspensions/{id}/customers/{code}/notified")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD')")
    String notified(@PathVariable long id, @PathVariable String code, RedirectAttributes redirect) {
        try {
            service.markNotified(id, code);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", text(e));
        }
        return "redirect:/service-suspensions/" + id;
    }

    @PostMapping("/service-suspensions/{id}/end")
    @PreAuthorize(SuspensionController.ANNOUNCERS)
    String end(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            service.end(id, null, version);
            redirect.addFlashAttribute("flashSuccess", messages.text("suspension.page.ended",
                    service.makeUps(id).size()));
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("flashError", text(e));
        }
        return "redirect:/service-suspensions/" + id;
    }

    private String text(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> messages.text("suspension.field." + p.field().replace("scope.", ""))
                    + "：" + messages.text(p.message())).collect(Collectors.joining("；"));
        }
        return com.tobacco.retailcrm.service.supply.ErrorText.of(e, messages);
    }

    private static Map<String, Object> texts(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        for (String key : List.of("from", "to", "createdAt", "endedAt")) {
            out.put(key + "Text", m.get(key) instanceof String s
                    ? OffsetDateTime.parse(s).toLocalDateTime().toString().replace('T', ' ').substring(0, 16) : null);
        }
        return out;
    }
}
