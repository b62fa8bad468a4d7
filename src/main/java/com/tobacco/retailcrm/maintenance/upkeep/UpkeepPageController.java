package com.tobacco.retailcrm.maintenance.upkeep;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 定期维护任务 page: every upkeep task of mine (or, for those who supervise, of my team), open or done, filtered by
 * kind, state and lateness — beyond the to-do list, which shows only open ones.
 */
@Controller
class UpkeepPageController {

    private static final Set<String> BUSINESS = Roles.names(Roles.BUSINESS_ROLES);

    private final UpkeepTasks tasks;
    private final UserDirectory users;
    private final Messages messages;
    private final Clock clock;
    private final WorkingCalendar calendar;

    UpkeepPageController(UpkeepTasks tasks, UserDirectory users, Messages messages, Clock clock,
                         WorkingCalendar calendar) {
        this.calendar = calendar;
        this.tasks = tasks;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static MenuEntry upkeepMenuEntry() {
        return new MenuEntry("menu.group.workflow", "menu.upkeep", "/upkeep", "calendar-check", BUSINESS, 15);
    }

    @GetMapping("/upkeep")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) String view, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String state, @RequestParam(required = false) String overdue,
                @RequestParam(required = false) Integer page, Model model) {
        boolean supervises = users.scopeOf(CurrentUsers.require()).kind().compareTo(DataScope.Kind.TEAM) >= 0;
        UpkeepTasks.View shown = supervises && "TEAM".equals(view) ? UpkeepTasks.View.TEAM : UpkeepTasks.View.MINE;
        UpkeepKind wantedKind = parse(UpkeepKind.class, kind).orElse(null);
        String wantedState = "OPEN".equals(state) || "DONE".equals(state) || "ALL".equals(state) ? state : "OPEN";
        Boolean done = switch (wantedState) {
            case "OPEN" -> false;
            case "DONE" -> true;
            default -> null;
        };
        Boolean late = "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null;
        var result = tasks.page(shown, wantedKind, done, late,
                PageQuery.of(page, 20, null, Set.of("dueAt"), "dueAt,asc"));
        model.addAttribute("result", result);
        model.addAttribute("names", displayNames(result.items()));
        model.addAttribute("view", shown.name());
        model.addAttribute("supervises", supervises);
        model.addAttribute("kinds", UpkeepKind.values());
        model.addAttribute("kind", wantedKind == null ? null : wantedKind.name());
        model.addAttribute("state", wantedState);
        model.addAttribute("overdue", late == null ? null : late.toString());
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("me", CurrentUsers.require().username());
        model.addAttribute("myRoles", CurrentUsers.require().roles().stream().map(Enum::name).toList());
        return "workflow/upkeep";
    }

    @PostMapping("/upkeep/{id}/complete")
    @PreAuthorize("isAuthenticated()")
    String complete(@PathVariable long id, @RequestParam(required = false) String comment,
                    @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            tasks.complete(id, comment, Map.of());
            redirect.addFlashAttribute("flashSuccess", messages.text("upkeep.page.completed", id));
        } catch (InvalidInputException | BusinessRuleException | ForbiddenException e) {
            String text = e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()
                    ? messages.text(invalid.problems().get(0).message())
                    : messages.text(e.getMessage(), args(e));
            redirect.addFlashAttribute("flashError", text);
        }
        return "redirect:" + (back != null && back.startsWith("/upkeep") && !back.startsWith("//") ? back : "/upkeep");
    }

    private static Object[] args(RuntimeException e) {
        if (e instanceof BusinessRuleException rule) {
            return rule.args();
        }
        return e instanceof ForbiddenException forbidden ? forbidden.args() : new Object[0];
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        return text == null ? Optional.empty() : Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(text.trim().toUpperCase(Locale.ROOT))).findFirst();
    }

    /** The people the page names, by their display names (a username is what the system knows, not what colleagues say). */
    private Map<String, String> displayNames(List<UpkeepTask> shown) {
        Map<String, String> names = new HashMap<>();
        shown.stream().map(UpkeepTask::assignee).filter(Objects::nonNull).distinct()
                .forEach(u -> names.put(u, users.find(u).map(UserRef::displayName).orElse(u)));
        return names;
    }
}
