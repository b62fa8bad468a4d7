package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.domain.UserAdministration;
import com.tobacco.retailcrm.security.domain.UserView;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 角色授权 — the security administrator gives users their roles. The 三权分立 rules (an admin role stands alone,
 * nobody changes their own roles) are the domain's; the page states them and shows a refusal as the reason.
 */
@Controller
@RequestMapping("/admin/roles")
class RolePageController {

    private static final List<Role> BUSINESS = Arrays.stream(Role.values()).filter(r -> !r.isAdmin()).toList();
    private static final List<Role> ADMIN = Arrays.stream(Role.values()).filter(Role::isAdmin).toList();

    private final UserAdministration users;
    private final OrgUnitOptions orgUnits;
    private final FormErrors errors;
    private final Messages messages;

    RolePageController(UserAdministration users, OrgUnitOptions orgUnits, FormErrors errors, Messages messages) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.errors = errors;
        this.messages = messages;
    }

    /** What the checkboxes post: the roles ticked. */
    public static class RolesForm {
        private Set<Role> roles = EnumSet.noneOf(Role.class);

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        }
    }

    @GetMapping
    @PreAuthorize(Roles.SECURITY_ADMIN)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String orgUnitCode,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", users.list(q == null ? null : q.strip(), orgUnitCode, role, null,
                PageQuery.of(page, 20, null, UserAdministration.SORTABLE, "username")));
        model.addAttribute("orgUnits", orgUnits.all());
        model.addAttribute("roles", Role.values());
        return "security/roles";
    }

    @GetMapping("/{username}")
    @PreAuthorize(Roles.SECURITY_ADMIN)
    String form(@PathVariable String username, Model model) {
        UserView user = users.get(username);
        var form = new RolesForm();
        form.setRoles(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
        model.addAttribute("form", form);
        return page(model, user);
    }

    @PostMapping("/{username}")
    @PreAuthorize(Roles.SECURITY_ADMIN)
    String assign(@PathVariable String username, @RequestParam(name = "roles", required = false) List<Role> roles,
                  Model model, RedirectAttributes redirect) {
        UserView user = users.get(username);
        var form = new RolesForm();
        form.setRoles(roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        try {
            users.assignRoles(CurrentUsers.require().username(), username, form.getRoles());
            redirect.addFlashAttribute("flashSuccess", messages.text("ui.roles.saved", user.displayName()));
            redirect.addAttribute("q", username);
            return "redirect:/admin/roles";
        } catch (RuntimeException e) {
            if (!errors.reject(e, result)) {
                throw e;
            }
        }
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return page(model, user);
    }

    private String page(Model model, UserView user) {
        model.addAttribute("user", user);
        model.addAttribute("businessRoles", BUSINESS);
        model.addAttribute("adminRoles", ADMIN);
        model.addAttribute("self", user.username().equals(CurrentUsers.require().username()));
        return "security/role-form";
    }
}
