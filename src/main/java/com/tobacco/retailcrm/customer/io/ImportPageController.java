package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.TooManyRequestsException;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 批量导入 page: upload a file, see the per-row result, or a progress bar (htmx polls the record) while a large
 * file runs in the background; download the template. Also the export download for the customer list, since
 * pages use the session, not bearer tokens.
 */
@Controller
class ImportPageController {

    private final CustomerImporter importer;
    private final ImportRecords records;
    private final CustomerExporter exporter;
    private final Messages messages;

    ImportPageController(CustomerImporter importer, ImportRecords records, CustomerExporter exporter, Messages messages) {
        this.importer = importer;
        this.records = records;
        this.exporter = exporter;
        this.messages = messages;
    }

    @GetMapping("/customers/import")
    @PreAuthorize(Roles.MARKET_DEPT)
    String page(@RequestParam(required = false) Long id, Model model) {
        if (id != null) {
            model.addAttribute("record", records.find(id)
                    .orElseThrow(() -> new NotFoundException("{customer.import.error.notFound}", id)));
        }
        model.addAttribute("recent", records.recent(null, 10));
        return "customer/import";
    }

    @PostMapping("/customers/import")
    @PreAuthorize(Roles.MARKET_DEPT)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            ImportView view = importer.importFile(CustomerFileController.spool(file), CustomerFileController.fileName(file),
                    CurrentUsers.require().username(), LocaleContextHolder.getLocale());
            return "redirect:/customers/import?id=" + view.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", String.join("；", e.problems().stream()
                    .map(p -> p.field().equals("file") ? messages.text(p.message())
                            : p.field() + "：" + messages.text(p.message())).toList()));
        } catch (TooManyRequestsException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage()));
        }
        return "redirect:/customers/import";
    }

    /** The progress or result part of the page, polled by htmx while the import runs. */
    @GetMapping("/customers/imports/{id}/panel")
    @PreAuthorize(Roles.MARKET_DEPT)
    String panel(@PathVariable long id, Model model) {
        model.addAttribute("record", records.find(id)
                .orElseThrow(() -> new NotFoundException("{customer.import.error.notFound}", id)));
        return "customer/import :: result";
    }

    @GetMapping("/customers/import-template")
    @PreAuthorize(Roles.MARKET_DEPT)
    void template(@RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
        exporter.templateDownload(CustomerFileController.format(format), response);
    }

    @GetMapping("/customers/export")
    @PreAuthorize(CustomerFileController.BUSINESS_ROLES)
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        exporter.exportDownload(CustomerFileController.format(params.get("format")),
                CustomerFileController.query(params), response);
    }
}
