package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 角色 — the role codes with their names, for pages and other systems that show or assign roles. */
@RestController
@RequestMapping("/api/v1/roles")
class RoleController {

    private final Messages messages;

    RoleController(Messages messages) {
        this.messages = messages;
    }

    /**
     * One role as listed: {@code name} in the caller's language, both names for systems that keep their own labels.
     */
    record RoleView(String code, String name, String nameZh, String nameEn, boolean admin) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<RoleView> list() {
        return Arrays.stream(Role.values()).map(this::view).toList();
    }

    private RoleView view(Role role) {
        String key = "role." + role.name();
        return new RoleView(role.name(), messages.text(key), messages.text(Locale.SIMPLIFIED_CHINESE, key),
                messages.text(Locale.ENGLISH, key), role.isAdmin());
    }
}
