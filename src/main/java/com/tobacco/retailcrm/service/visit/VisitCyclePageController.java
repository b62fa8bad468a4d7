package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.service.item.ServiceItemController;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 拜访周期设置 page: the default cycle by business scale for customers whose archive names none, shown to everyone in
 * the business, changed by the market department with the version it saw, with the earlier versions below.
 */
@Controller
class VisitCyclePageController {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VisitCycleSettings settings;
    private final UserDirectory users;
    private final Messages messages;
    private final CrmProperties crm;

    VisitCyclePageController(VisitCycleSettings settings, UserDirectory users, Messages messages, CrmProperties crm) {
        this.settings = settings;
        this.users = users;
        this.messages = messages;
        this.crm = crm;
    }

    @GetMapping("/settings/visit-cycles")
    @PreAuthorize(ServiceItemController.BUSINESS)
    String show(Model model) {
        var current = settings.current();
        Map<String, String> chosen = new LinkedHashMap<>();
        current.byScale().forEach((scale, cycle) -> chosen.put(scale, cycle.name()));
        chosen.put(VisitCycleSettings.UNCLASSIFIED, current.unclassified().name());
        model.addAttribute("chosen", chosen);
        model.addAttribute("version", current.version());
        model.addAttribute("cycles", VisitCycle.values());
        model.addAttribute("canEdit", CurrentUsers.require().has(Role.MARKET_DEPT));
        model.addAttribute("history", settings.history().stream().map(v -> Map.of(
                "version", v.version(),
                "cycles", Arrays.stream(v.cycles().split(",")).map(this::describe).collect(Collectors.joining("；")),
                "by", users.find(v.changedBy()).map(UserRef::displayName).orElse(v.changedBy()),
                "at", MINUTES.format(v.changedAt().atZone(crm.zone())))).toList());
        return "service/visit-cycles";
    }

    @PostMapping("/settings/visit-cycles")
    @PreAuthorize("hasRole('MARKET_DEPT')")
    String save(@RequestParam Map<String, String> form, @RequestParam(required = false) Long version,
                RedirectAttributes redirect) {
        Map<String, String> byScale = new LinkedHashMap<>();
        for (String scale : List.of("1", "2", "3")) {
            if (form.get("scale" + scale) != null) {
                byScale.put(scale, form.get("scale" + scale));
            }
        }
        try {
            settings.replace(byScale, form.get("unclassified"), version);
            redirect.addFlashAttribute("flashSuccess", messages.text("visit.cycles.saved"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().stream().map(p -> messages.text(p.message()))
                    .distinct().collect(Collectors.joining("；")));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.text("service.error.stale"));
        }
        return "redirect:/settings/visit-cycles";
    }

    /** {@code 1=WEEKLY} → 大：每周. */
    private String describe(String entry) {
        String[] kv = entry.split("=", 2);
        return messages.text("visit.cycles.scale." + kv[0]) + "：" + messages.text("visit.cycle." + kv[1]);
    }
}
