package com.tobacco.retailcrm.service.care;

import com.tobacco.retailcrm.service.item.ServiceItemController;
import com.tobacco.retailcrm.service.item.ServiceItems;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 亲情服务 page: the care list of the coming days with the care standard beside it. */
@Controller
class CarePageController {

    private final CareService care;
    private final CareController api;
    private final ServiceItems items;
    private final Messages messages;

    CarePageController(CareService care, CareController api, ServiceItems items, Messages messages) {
        this.care = care;
        this.api = api;
        this.items = items;
        this.messages = messages;
    }

    @GetMapping("/care")
    @PreAuthorize(ServiceItemController.BUSINESS)
    String upcoming(@RequestParam(required = false) Integer days, Model model) {
        int window = days == null ? 14 : days;
        try {
            model.addAttribute("care", api.json(care.upcoming(window)));
        } catch (InvalidInputException e) {
            window = 14;
            model.addAttribute("daysError", messages.text("care.error.days"));
            model.addAttribute("care", api.json(care.upcoming(window)));
        }
        model.addAttribute("days", window);
        model.addAttribute("careStandard", items.find(ServiceItems.CARE).orElse(null));
        model.addAttribute("vulnerableStandard", items.find(ServiceItems.VULNERABLE).orElse(null));
        return "service/care";
    }
}
