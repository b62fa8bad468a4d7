package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 订货数据导入 page: upload a CSV/xlsx of daily order facts and see what was stored and each refused row. */
@Controller
class DailyOrderPageController {

    private final DailyOrderController api;
    private final Messages messages;

    DailyOrderPageController(DailyOrderController api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/orders/daily")
    @PreAuthorize(DailyOrderController.SENDERS)
    String page() {
        return "report/orders-import";
    }

    @PostMapping("/orders/daily")
    @PreAuthorize(DailyOrderController.SENDERS)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        try {
            model.addAttribute("result", api.json(api.importUpload(file)));
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", messages.text(e.problems().get(0).message()));
        }
        return "report/orders-import";
    }
}
