package com.tobacco.retailcrm.ui;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 菜单 — the sidebar, built from every module's {@link MenuEntry} beans. A user sees an entry when any of their
 * roles is among the entry's roles; an entry without roles is for every signed-in user (the home page).
 */
@Component
class Menu {

    private final List<MenuEntry> entries;

    Menu(List<MenuEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(MenuEntry::order).thenComparing(MenuEntry::path))
                .toList();
    }

    List<MenuGroup> visibleTo(CurrentUser user) {
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        Map<String, List<MenuEntry>> groups = new LinkedHashMap<>();
        for (MenuEntry e : entries) {
            if (e.roles().isEmpty() || e.roles().stream().anyMatch(roles::contains)) {
                groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
            }
        }
        // Entries are sorted, so each group's first entry is its lowest: groups come out in the documented order.
        return groups.entrySet().stream().map(g -> new MenuGroup(g.getKey(), List.copyOf(g.getValue()))).toList();
    }

    /** The entry a request path belongs to: the longest entry path that is the path or a parent of it. */
    static String activePath(List<MenuGroup> menu, String path) {
        String best = null;
        for (MenuGroup g : menu) {
            for (MenuEntry e : g.entries()) {
                String p = e.path();
                boolean matches = path.equals(p) || (!"/".equals(p) && path.startsWith(p + "/"));
                if (matches && (best == null || p.length() > best.length())) {
                    best = p;
                }
            }
        }
        return best;
    }
}
