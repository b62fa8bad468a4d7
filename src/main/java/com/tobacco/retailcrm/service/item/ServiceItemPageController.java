package com.tobacco.retailcrm.service.item;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 服务项目 pages: the items by category with their standards, and an editor for those who own them. */
@Controller
class ServiceItemPageController {

    private final ServiceItems items;
    private final Messages messages;

    ServiceItemPageController(ServiceItems items, Messages messages) {
        this.items = items;
        this.messages = messages;
    }

    @GetMapping("/service-items")
    @PreAuthorize(ServiceItemController.BUSINESS)
    String list(Model model) {
        Map<String, List<ServiceItem>> byCategory = new LinkedHashMap<>();
        for (String category : List.of("BASIC", "MARKETING", "VALUE_ADDED")) {
            byCategory.put(category, items.all().stream().filter(i -> i.category().equals(category)).toList());
        }
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("canEdit", mayEdit());
        return "service/items";
    }

    @GetMapping("/service-items/{code}/edit")
    @PreAuthorize(ServiceItemController.EDITORS)
    String edit(@PathVariable String code, Model model) {
        ServiceItem item = items.find(code).orElseThrow(() -> new NotFoundException("service.item.error.notFound", code));
        model.addAttribute("item", item);
        model.addAttribute("name", item.name());
        model.addAttribute("standard", item.standard());
        model.addAttribute("history", items.history(code));
        return "service/item-edit";
    }

    @PostMapping("/service-items/{code}/edit")
    @PreAuthorize(ServiceItemController.EDITORS)
    String save(@PathVariable String code, @RequestParam(required = false) String name,
                @RequestParam(required = false) String standard, @RequestParam(required = false) Long version,
                Model model, RedirectAttributes redirect) {
        try {
            items.update(code, name, standard, version);
            redirect.addFlashAttribute("flashSuccess", messages.text("service.item.saved"));
            return "redirect:/service-items";
        } catch (InvalidInputException | ConflictException e) {
            ServiceItem item = items.find(code).orElseThrow();
            model.addAttribute("item", item);
            model.addAttribute("name", name);
            model.addAttribute("standard", standard);
            model.addAttribute("history", items.history(code));
            model.addAttribute("error", e instanceof InvalidInputException invalid
                    ? invalid.problems().stream().map(p -> messages.text("service.item.field." + p.field()) + "："
                    + messages.text(p.message())).collect(Collectors.joining("；"))
                    : messages.text("service.error.stale"));
            return "service/item-edit";
        }
    }

    private static boolean mayEdit() {
        var me = CurrentUsers.require();
        return me.has(Role.MARKET_DEPT) || me.has(Role.SERVICE_HEAD);
    }
}
