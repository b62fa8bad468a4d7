package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.domain.PolicySettings;
import com.tobacco.retailcrm.security.domain.SecurityPolicyService;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 安全策略 — the security administrator edits the password, lockout, token and MFA policy. The bounds are the
 * ones on {@link PolicySettings}, checked here on the same record the API takes, so page and API agree.
 */
@Controller
@RequestMapping("/admin/policy")
class PolicyPageController {

    private final SecurityPolicyService policies;
    private final Validator validator;
    private final FormErrors errors;
    private final Messages messages;

    PolicyPageController(SecurityPolicyService policies, Validator validator, FormErrors errors, Messages messages) {
        this.policies = policies;
        this.validator = validator;
        this.errors = errors;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(Roles.SECURITY_ADMIN)
    String form(Model model) {
        model.addAttribute("form", PolicyForm.of(policies.current()));
        return "security/policy";
    }

    @PostMapping
    @PreAuthorize(Roles.SECURITY_ADMIN)
    String save(@Valid @ModelAttribute("form") PolicyForm form, BindingResult result, RedirectAttributes redirect) {
        checkBounds(form, result);
        if (result.hasErrors()) {
            return "security/policy";
        }
        PolicySettings settings = form.toSettings();
        try {
            policies.update(settings);
        } catch (RuntimeException e) {
            if (errors.reject(e, result)) {
                return "security/policy";
            }
            throw e;
        }
        redirect.addFlashAttribute("flashSuccess", messages.text("ui.policy.saved"));
        return "redirect:/admin/policy";
    }

    /** Each number that is present against its bound on {@link PolicySettings}, so all problems show at once. */
    private void checkBounds(PolicyForm form, BindingResult result) {
        var values = new BeanWrapperImpl(form);
        for (var component : PolicySettings.class.getRecordComponents()) {
            String name = component.getName();
            Object value = values.getPropertyValue(name);
            if (value != null && !result.hasFieldErrors(name)) {
                validator.validateValue(PolicySettings.class, name, value)
                        .forEach(v -> result.rejectValue(name, "range", v.getMessage()));
            }
        }
    }
}
