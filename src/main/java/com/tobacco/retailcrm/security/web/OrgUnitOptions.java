package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The organisation as a select list for the user pages: depth-first, each unit indented under its parent. */
@Component
class OrgUnitOptions {

    /** One option: the unit's code as value, its name indented by depth as label. */
    public record Option(String code, String label) {
    }

    private final OrgDirectory org;

    OrgUnitOptions(OrgDirectory org) {
        this.org = org;
    }

    List<Option> all() {
        Map<String, List<OrgUnitRef>> byParent = new HashMap<>();
        org.all().forEach(u -> byParent.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u));
        List<Option> out = new ArrayList<>();
        add(null, 0, byParent, out);
        return out;
    }

    private static void add(String parent, int depth, Map<String, List<OrgUnitRef>> byParent, List<Option> out) {
        byParent.getOrDefault(parent, List.of()).stream()
                .sorted(Comparator.comparing(OrgUnitRef::type).thenComparing(OrgUnitRef::code))
                .forEach(u -> {
                    out.add(new Option(u.code(), "\u3000".repeat(depth) + u.name()));
                    add(u.code(), depth + 1, byParent, out);
                });
    }
}
