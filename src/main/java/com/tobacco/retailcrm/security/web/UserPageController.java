package com.tobacco.retailcrm.security.web;

import static com.tobacco.retailcrm.shared.api.Texts.blankToNull;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.domain.UserAdministration;
import com.tobacco.retailcrm.security.domain.UserCommand;
import com.tobacco.retailcrm.security.domain.UserUpdate;
import com.tobacco.retailcrm.security.domain.UserView;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 — the system administrator's user pages: a filtered, paged list; create and edit with org unit and
 * supervisor; enable/disable one or many; reset a password. Every rule is the domain's ({@link UserAdministration});
 * this class turns its refusals into form errors or messages.
 */
@Controller
@RequestMapping("/admin/users")
class UserPageController {

    private final UserAdministration users;
    private final OrgUnitOptions orgUnits;
    private final FormErrors errors;
    private final Messages messages;

    UserPageController(UserAdministration users, OrgUnitOptions orgUnits, FormErrors errors, Messages messages) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.errors = errors;
        this.messages = messages;
    }

    /** Setting a temporary password. */
    public static class ResetForm {
        @NotBlank
        @Size(max = 128)
        private String newPassword;

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }
    }

    @GetMapping
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String orgUnitCode,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Boolean enabled,
                @RequestParam(required = false) Integer page, Model model) {
        String keyword = q == null ? null : q.strip();
        model.addAttribute("page", users.list(keyword, orgUnitCode, role, enabled,
                PageQuery.of(page, 20, null, UserAdministration.SORTABLE, "username")));
        model.addAttribute("orgUnits", orgUnits.all());
        model.addAttribute("roles", Role.values());
        return "security/users";
    }

    @GetMapping("/new")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String createForm(Model model) {
        model.addAttribute("form", new UserForm());
        return form(model, null);
    }

    @PostMapping
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String create(@Validated({Default.class, UserForm.OnCreate.class}) @ModelAttribute("form") UserForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, null);
        }
        try {
            UserView created = users.create(new UserCommand(form.getUsername(), form.getDisplayName(),
                    form.getOrgUnitCode(), form.getSupervisor(), form.getInitialPassword(), blankToNull(form.getPhone())));
            redirect.addFlashAttribute("flashSuccess", messages.text("ui.users.created", created.displayName(), created.username()));
            redirect.addAttribute("q", created.username());
            return "redirect:/admin/users";
        } catch (RuntimeException e) {
            if (errors.reject(e, result)) {
                return form(model, null);
            }
            throw e;
        }
    }

    @GetMapping("/{username}/edit")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String editForm(@PathVariable String username, Model model) {
        UserView user = users.get(username);
        var form = new UserForm();
        form.setUsername(user.username());
        form.setDisplayName(user.displayName());
        form.setOrgUnitCode(user.orgUnitCode());
        form.setSupervisor(user.supervisor());
        form.setVersion(user.version());
        model.addAttribute("form", form);
        return form(model, user);
    }

    @PostMapping("/{username}")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String update(@PathVariable String username, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        UserView user = users.get(username);
        form.setUsername(username);
        if (result.hasErrors()) {
            return form(model, user);
        }
        try {
            String supervisor = form.getSupervisor() == null ? "" : form.getSupervisor().strip();
            users.update(username, new UserUpdate(form.getDisplayName(), form.getOrgUnitCode(), supervisor, null, null,
                    form.getVersion()));
            redirect.addFlashAttribute("flashSuccess", messages.text("ui.users.updated", form.getDisplayName()));
            redirect.addAttribute("q", username);
            return "redirect:/admin/users";
        } catch (RuntimeException e) {
            if (errors.reject(e, result)) {
                return form(model, user);
            }
            throw e;
        }
    }

    @PostMapping("/{username}/enabled")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        List<String> failed = new ArrayList<>();
        int done = setEnabled(List.of(username), enabled, failed);
        flashBatch(redirect, enabled, done, failed);
        return "redirect:/admin/users";
    }

    /** 批量启用/停用: each selected user on its own, so one refusal (a protected admin) does not stop the rest. */
    @PostMapping("/batch")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String batch(@RequestParam(name = "ids", required = false) List<String> ids, @RequestParam String action,
                 RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.text("ui.batch.none"));
            return "redirect:/admin/users";
        }
        if (!action.equals("enable") && !action.equals("disable")) {
            redirect.addFlashAttribute("flashError", messages.text("error.param.type"));
            return "redirect:/admin/users";
        }
        boolean enabled = action.equals("enable");
        List<String> failed = new ArrayList<>();
        int done = setEnabled(ids, enabled, failed);
        flashBatch(redirect, enabled, done, failed);
        return "redirect:/admin/users";
    }

    private int setEnabled(List<String> usernames, boolean enabled, List<String> failed) {
        int done = 0;
        for (String username : usernames.stream().distinct().limit(PageQuery.MAX_SIZE).toList()) {
            try {
                UserView user = users.get(username);
                users.update(username, new UserUpdate(null, null, null, enabled, null, user.version()));
                done++;
            } catch (BusinessRuleException
                     | NotFoundException
                     | ConflictException e) {
                failed.add(messages.text("ui.batch.failedRow", username, messages.text(e.getMessage(), argsOf(e))));
            }
        }
        return done;
    }

    private static Object[] argsOf(RuntimeException e) {
        if (e instanceof BusinessRuleException b) {
            return b.args();
        }
        if (e instanceof NotFoundException n) {
            return n.args();
        }
        if (e instanceof ConflictException c) {
            return c.args();
        }
        return new Object[0];
    }

    private void flashBatch(RedirectAttributes redirect, boolean enabled, int done, List<String> failed) {
        if (done > 0) {
            redirect.addFlashAttribute("flashSuccess",
                    messages.text(enabled ? "ui.users.enabledCount" : "ui.users.disabledCount", done));
        }
        if (!failed.isEmpty()) {
            redirect.addFlashAttribute("flashError", String.join("；", failed));
        }
    }

    @GetMapping("/{username}/password")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String resetForm(@PathVariable String username, Model model) {
        model.addAttribute("user", users.get(username));
        model.addAttribute("form", new ResetForm());
        return "security/user-reset";
    }

    @PostMapping("/{username}/password")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    String reset(@PathVariable String username, @Valid @ModelAttribute("form") ResetForm form, BindingResult result,
                 Model model, RedirectAttributes redirect) {
        UserView user = users.get(username);
        model.addAttribute("user", user);
        if (result.hasErrors()) {
            return "security/user-reset";
        }
        try {
            users.resetPassword(username, form.getNewPassword());
            redirect.addFlashAttribute("flashSuccess", messages.text("ui.users.passwordReset", user.displayName()));
            redirect.addAttribute("q", username);
            return "redirect:/admin/users";
        } catch (RuntimeException e) {
            if (errors.reject(e, result)) {
                return "security/user-reset";
            }
            throw e;
        }
    }

    private String form(Model model, UserView editing) {
        model.addAttribute("editing", editing);
        model.addAttribute("orgUnits", orgUnits.all());
        model.addAttribute("supervisors", users.list(null, null, null, true,
                PageQuery.of(0, PageQuery.MAX_SIZE, null, UserAdministration.SORTABLE, "username")).items());
        return "security/user-form";
    }
}
