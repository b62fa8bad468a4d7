package com.tobacco.retailcrm.rating.violation;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.rating.PageErrors;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 违规记录 page: the violations within the user's scope or of one customer (with the law-abiding status they give),
 * the officer's form to record one and the button to record its correction.
 */
@Controller
class ViolationPageController {

    private final ViolationService service;
    private final CustomerArchive archive;
    private final Messages messages;

    ViolationPageController(ViolationService service, CustomerArchive archive, Messages messages) {
        this.service = service;
        this.archive = archive;
        this.messages = messages;
    }

    @GetMapping("/violations")
    @PreAuthorize(ViolationController.READERS)
    String list(@RequestParam(required = false) String customerCode, @RequestParam(required = false) String type,
                @RequestParam(required = false) Integer page, Model model) {
        String code = customerCode == null || customerCode.isBlank() ? null : customerCode.strip();
        String t = type == null || !Set.of("MINOR", "SERIOUS").contains(type) ? null : type;
        PageQuery query = PageQuery.of(page, 20, null, Set.of("occurredOn"), "occurredOn,desc");
        try {
            model.addAttribute("result", service.list(code, t, query));
            if (code != null) {
                model.addAttribute("customer", archive.find(code).orElseThrow());
                model.addAttribute("status", service.statusOf(code).name());
            }
        } catch (NotFoundException e) {
            model.addAttribute("errors", PageErrors.of(e, messages));
            model.addAttribute("result", service.list(null, t, query));
            code = null;
        }
        model.addAttribute("customerCode", code);
        model.addAttribute("type", t);
        model.addAttribute("officer", CurrentUsers.require().has(Role.MONOPOLY_OFFICER));
        model.addAttribute("today", service.today());
        return "rating/violations";
    }

    @PostMapping("/violations")
    @PreAuthorize(Roles.MONOPOLY_OFFICER)
    String record(@RequestParam(required = false) String customerCode, @RequestParam(required = false) String occurredOn,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String correctedOn, RedirectAttributes redirect) {
        try {
            boolean corrected = correctedOn != null && !correctedOn.isBlank();
            service.record(new ViolationService.RecordCommand(customerCode, occurredOn, type, description, corrected,
                    corrected ? correctedOn : null));
            redirect.addFlashAttribute("flashSuccess", messages.text("rating.page.violationRecorded"));
        } catch (InvalidInputException | BusinessRuleException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", PageErrors.text(PageErrors.of(e, messages), messages));
        }
        redirect.addAttribute("customerCode", customerCode);
        return "redirect:/violations";
    }

    @PostMapping("/violations/{id}/correct")
    @PreAuthorize(Roles.MONOPOLY_OFFICER)
    String correct(@PathVariable long id, @RequestParam(required = false) String correctedOn,
                   @RequestParam(required = false) Long version, @RequestParam(required = false) String customerCode,
                   RedirectAttributes redirect) {
        try {
            service.correct(id, correctedOn, version);
            redirect.addFlashAttribute("flashSuccess", messages.text("rating.page.violationCorrected"));
        } catch (InvalidInputException | BusinessRuleException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", PageErrors.text(PageErrors.of(e, messages), messages));
        }
        redirect.addAttribute("customerCode", customerCode);
        return "redirect:/violations";
    }
}
