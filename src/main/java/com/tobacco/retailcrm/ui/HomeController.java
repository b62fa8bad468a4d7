package com.tobacco.retailcrm.ui;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台 — the page after sign-in: who I am, where I sit, what I may see, and the way into each of my pages. */
@Controller
class HomeController {

    private final UserDirectory users;
    private final OrgDirectory org;

    HomeController(UserDirectory users, OrgDirectory org) {
        this.users = users;
        this.org = org;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model) {
        CurrentUser user = CurrentUsers.require();
        // business users start their day at the to-do list (待办); admins keep the 工作台 with their profile
        if (!user.roles().isEmpty() && user.roles().stream().noneMatch(com.tobacco.retailcrm.security.api.Role::isAdmin)) {
            return "redirect:/tasks";
        }
        var profile = users.find(user.username()).orElse(null);
        model.addAttribute("profile", profile);
        model.addAttribute("supervisor", profile == null || profile.supervisor() == null ? null
                : users.find(profile.supervisor()).orElse(null));
        model.addAttribute("orgPath", org.findById(user.orgUnitId()).map(u -> orgPath(u.id())).orElse(""));
        model.addAttribute("scope", users.scopeOf(user));
        return "home";
    }

    /** 公司 / 城区营销部 / 一片区 — the unit with its ancestors, as staff name where they sit. */
    private String orgPath(long unitId) {
        var names = new java.util.ArrayDeque<String>();
        for (var u = org.findById(unitId).orElse(null); u != null;
             u = u.parentCode() == null ? null : org.findByCode(u.parentCode()).orElse(null)) {
            names.addFirst(u.name());
        }
        return String.join(" / ", names);
    }
}
