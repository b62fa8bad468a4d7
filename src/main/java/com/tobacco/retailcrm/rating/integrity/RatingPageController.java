package com.tobacco.retailcrm.rating.integrity;

import com.tobacco.retailcrm.rating.PageErrors;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 诚信等级 pages: the list by state, the notice board (公示栏), a rating with its appeals and the actions the user may
 * take on it (publish, appeal, answer, finalize), and the forms for one preliminary rating or a batch.
 */
@Controller
class RatingPageController {

    private final RatingService service;
    private final Messages messages;
    private final ZoneId zone;

    RatingPageController(RatingService service, Messages messages, CrmProperties properties) {
        this.service = service;
        this.messages = messages;
        this.zone = properties.zone();
    }

    @GetMapping("/integrity-ratings")
    @PreAuthorize(RatingController.READERS)
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String customerCode,
                @RequestParam(required = false) Integer page, Model model) {
        String shown = state == null || Arrays.stream(RatingState.values()).noneMatch(s -> s.name().equals(state))
                ? null : state;
        String code = customerCode == null || customerCode.isBlank() ? null : customerCode.strip();
        try {
            model.addAttribute("result", service.list(shown, code, null,
                    PageQuery.of(page, 20, null, Set.of("createdAt"), "createdAt,desc")).map(this::json));
        } catch (NotFoundException e) {
            model.addAttribute("errors", PageErrors.of(e, messages));
            model.addAttribute("result", service.list(shown, null, null,
                    PageQuery.of(page, 20, null, Set.of("createdAt"), "createdAt,desc")).map(this::json));
        }
        model.addAttribute("state", shown);
        model.addAttribute("customerCode", code);
        model.addAttribute("officer", CurrentUsers.require().has(Role.MONOPOLY_OFFICER));
        model.addAttribute("frequencies", frequencies());
        return "rating/ratings";
    }

    /** 公示栏: every rating in notice within the user's scope, the soonest to end first, with its end. */
    @GetMapping("/integrity-ratings/notice-board")
    @PreAuthorize(RatingController.READERS)
    String noticeBoard(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", service.list(RatingState.NOTICE.name(), null, null,
                PageQuery.of(page, 50, null, Set.of("createdAt"), "createdAt,desc")).map(this::json));
        return "rating/notice-board";
    }

    @GetMapping("/integrity-ratings/{id}")
    @PreAuthorize(RatingController.READERS)
    String show(@PathVariable long id, Model model) {
        RatingJson r = json(service.get(id));
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("r", r);
        model.addAttribute("officer", me.has(Role.MONOPOLY_OFFICER));
        model.addAttribute("mayAppeal", r.inNotice() && (me.has(Role.CUSTOMER_MANAGER) || me.has(Role.SERVICE_AGENT)));
        model.addAttribute("now", LocalDateTime.now(java.time.Clock.fixed(service.now(), zone))
                .truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("frequencies", frequencies());
        return "rating/rating";
    }

    @GetMapping("/integrity-ratings/new")
    @PreAuthorize(RatingController.OFFICER)
    String form(@RequestParam(required = false) String customerCode, Model model) {
        model.addAttribute("customerCode", customerCode);
        model.addAttribute("grades", Grade.values());
        return "rating/rating-form";
    }

    @PostMapping("/integrity-ratings/new")
    @PreAuthorize(RatingController.OFFICER)
    String propose(@RequestParam(required = false) String customerCode,
                   @RequestParam(required = false) String proposedGrade, @RequestParam(required = false) String basis,
                   Model model, RedirectAttributes redirect) {
        try {
            IntegrityRating r = service.propose(new RatingService.Proposal(customerCode, proposedGrade, basis));
            redirect.addFlashAttribute("flashSuccess", messages.text("rating.page.proposed", r.id()));
            return "redirect:/integrity-ratings/" + r.id();
        } catch (InvalidInputException | BusinessRuleException | NotFoundException e) {
            model.addAttribute("errors", PageErrors.of(e, messages));
            model.addAttribute("proposedGrade", proposedGrade);
            model.addAttribute("basis", basis);
            return form(customerCode, model);
        }
    }

    /** The batch form: one customer per line, {@code 客户代码,等级,依据} (the basis may be left to the common one). */
    @GetMapping("/integrity-ratings/batch")
    @PreAuthorize(RatingController.OFFICER)
    String batchForm() {
        return "rating/rating-batch";
    }

    @PostMapping("/integrity-ratings/batch")
    @PreAuthorize(RatingController.OFFICER)
    String batch(@RequestParam(required = false) String lines, @RequestParam(required = false) String basis,
                 Model model, RedirectAttributes redirect) {
        List<RatingService.Proposal> items = new ArrayList<>();
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[,，\\t]", 3);
            items.add(new RatingService.Proposal(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null,
                    parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : basis));
        }
        try {
            RatingService.BatchResult result = service.proposeBatch(items);
            model.addAttribute("result", result);
            model.addAttribute("lines", lines);
            model.addAttribute("basis", basis);
            return "rating/rating-batch";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", PageErrors.of(e, messages));
            model.addAttribute("lines", lines);
            model.addAttribute("basis", basis);
            return "rating/rating-batch";
        }
    }

    @PostMapping("/integrity-ratings/batches/{batchId}/publish")
    @PreAuthorize(RatingController.OFFICER)
    String publishBatch(@PathVariable long batchId, @RequestParam(required = false) String noticeStart,
                        RedirectAttributes redirect) {
        return act(redirect, "/integrity-ratings?state=NOTICE", () -> {
            var n = service.publishBatch(batchId, instant(noticeStart));
            return messages.text("rating.page.batchPublished", n.published());
        });
    }

    @PostMapping("/integrity-ratings/{id}/publish")
    @PreAuthorize(RatingController.OFFICER)
    String publish(@PathVariable long id, @RequestParam(required = false) String noticeStart,
                   @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(redirect, "/integrity-ratings/" + id, () -> {
            service.publish(id, instant(noticeStart), version);
            return messages.text("rating.page.published");
        });
    }

    @PostMapping("/integrity-ratings/{id}/appeals")
    @PreAuthorize(RatingController.APPELLANTS)
    String appeal(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(redirect, "/integrity-ratings/" + id, () -> {
            service.appeal(id, reason, version);
            return messages.text("rating.page.appealed");
        });
    }

    @PostMapping("/integrity-ratings/{id}/appeals/{appealId}/answer")
    @PreAuthorize(RatingController.OFFICER)
    String answer(@PathVariable long id, @PathVariable long appealId, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String newGrade,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(redirect, "/integrity-ratings/" + id, () -> {
            service.answer(id, appealId, decision, note,
                    "UPHELD".equals(decision) && newGrade != null && !newGrade.isBlank() ? newGrade : null, version);
            return messages.text("rating.page.answered");
        });
    }

    @PostMapping("/integrity-ratings/{id}/finalize")
    @PreAuthorize(RatingController.OFFICER)
    String finalizeRating(@PathVariable long id, @RequestParam(required = false) Long version,
                          RedirectAttributes redirect) {
        return act(redirect, "/integrity-ratings/" + id, () -> {
            IntegrityRating r = service.finalizeRating(id, version);
            return messages.text("rating.page.finalized", r.grade().name());
        });
    }

    private String act(RedirectAttributes redirect, String target, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flashSuccess", action.get());
        } catch (InvalidInputException | BusinessRuleException | ConflictException e) {
            redirect.addFlashAttribute("flashError", PageErrors.text(PageErrors.of(e, messages), messages));
        }
        return "redirect:" + target;
    }

    /** A {@code datetime-local} value (company time) as the API's instant with offset; bad text passes as is (400). */
    private String instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private RatingJson json(IntegrityRating r) {
        return RatingJson.of(r, service.frequencyOf(r.grade()), service.now(), zone);
    }

    private List<String[]> frequencies() {
        return Arrays.stream(Grade.values()).map(g -> new String[] {g.name(), service.frequencyOf(g).name()}).toList();
    }
}
