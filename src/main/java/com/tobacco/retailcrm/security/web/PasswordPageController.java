package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.domain.PasswordService;
import com.tobacco.retailcrm.security.domain.SecurityPolicyService;
import com.tobacco.retailcrm.security.domain.SessionTermination;
import com.tobacco.retailcrm.security.domain.UserSessions;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 修改密码 — the user changes their own password under the policy. A user whose password must change is sent here
 * by the access gate; after the change the session's identity no longer carries the demand, so they may go on.
 */
@Controller
class PasswordPageController {

    private final PasswordService passwords;
    private final SecurityPolicyService policy;
    private final FormErrors errors;
    private final Messages messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final java.time.ZoneId zone;

    PasswordPageController(PasswordService passwords, SecurityPolicyService policy, FormErrors errors, Messages messages,
                           CrmProperties properties) {
        this.zone = properties.zone();
        this.passwords = passwords;
        this.policy = policy;
        this.errors = errors;
        this.messages = messages;
    }

    /** The change-password form. */
    public static class PasswordForm {
        @NotBlank
        @Size(max = 128)
        private String oldPassword;
        @NotBlank
        @Size(max = 128)
        private String newPassword;
        @NotBlank
        @Size(max = 128)
        private String repeatPassword;

        public String getOldPassword() {
            return oldPassword;
        }

        public void setOldPassword(String oldPassword) {
            this.oldPassword = oldPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getRepeatPassword() {
            return repeatPassword;
        }

        public void setRepeatPassword(String repeatPassword) {
            this.repeatPassword = repeatPassword;
        }
    }

    @GetMapping("/password")
    @PreAuthorize("isAuthenticated()")
    String form(Model model) {
        model.addAttribute("form", new PasswordForm());
        return page(model);
    }

    @PostMapping("/password")
    @PreAuthorize("isAuthenticated()")
    String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("repeatPassword")
                && !form.getNewPassword().equals(form.getRepeatPassword())) {
            result.rejectValue("repeatPassword", "mismatch", messages.text("ui.password.mismatch"));
        }
        if (result.hasErrors()) {
            return page(model);
        }
        CurrentUser user = CurrentUsers.require();
        try {
            passwords.change(user.id(), form.getOldPassword(), form.getNewPassword(), request.getRemoteAddr(),
                    new SessionTermination.KeptAccess(null, request.getSession().getId()));
        } catch (RuntimeException e) {
            if (errors.reject(e, result)) {
                return page(model);
            }
            throw e;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UserSessions.authenticationFor(user.withPasswordChanged()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("flashSuccess", messages.text("ui.password.changed"));
        return "redirect:/";
    }

    private String page(Model model) {
        model.addAttribute("policy", policy.current());
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("forced", user.passwordChangeRequired());
        model.addAttribute("resetAt", user.passwordChangeRequired()
                ? passwords.resetByAdministratorAt(user.id()).map(t -> t.atZone(zone)).orElse(null) : null);
        return "security/password";
    }
}
