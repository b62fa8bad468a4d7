package com.tobacco.retailcrm.customer.photo;

import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
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
 * Customer photos in the pages: a panel the customer page includes ({@code customer/photos :: panel}, or loaded
 * with htmx from {@code /customers/{code}/photos/panel}), a page of its own, upload and delete forms, and the
 * pictures themselves for the session (the API serves them to bearer tokens).
 */
@Controller
class PhotoPageController {

    private final CustomerPhotos photos;
    private final Messages messages;

    PhotoPageController(CustomerPhotos photos, Messages messages) {
        this.photos = photos;
        this.messages = messages;
    }

    @GetMapping("/customers/{customerCode}/photos")
    @PreAuthorize(PhotoController.BUSINESS_ROLES)
    String page(@PathVariable String customerCode, Model model) {
        panelModel(customerCode, model);
        return "customer/photos";
    }

    @GetMapping("/customers/{customerCode}/photos/panel")
    @PreAuthorize(PhotoController.BUSINESS_ROLES)
    String panel(@PathVariable String customerCode, Model model) {
        panelModel(customerCode, model);
        return "customer/photos :: panel";
    }

    @PostMapping("/customers/{customerCode}/photos")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER','MARKET_DEPT')")
    String upload(@PathVariable String customerCode, @RequestParam(required = false) String kind,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "{customer.photo.error.empty}");
            }
            if (file.getSize() > CustomerPhotos.MAX_BYTES) {
                throw new InvalidInputException("file", "{customer.photo.error.tooLarge}");
            }
            photos.upload(customerCode, kind, file.getBytes());
            redirect.addFlashAttribute("flashSuccess", messages.text("customer.photo.uploaded"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.problems().get(0).message()));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/customers/" + customerCode + "/photos";
    }

    @PostMapping("/customers/{customerCode}/photos/{id}/delete")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER','MARKET_DEPT')")
    String delete(@PathVariable String customerCode, @PathVariable long id, RedirectAttributes redirect) {
        try {
            photos.delete(customerCode, id);
            redirect.addFlashAttribute("flashSuccess", messages.text("customer.photo.deleted"));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("flashError", messages.text(e.getMessage()));
        }
        return "redirect:/customers/" + customerCode + "/photos";
    }

    @GetMapping("/customers/{customerCode}/photos/{id}")
    @PreAuthorize(PhotoController.BUSINESS_ROLES)
    ResponseEntity<Resource> photo(@PathVariable String customerCode, @PathVariable long id) {
        return PhotoController.serve(photos.file(customerCode, id, false));
    }

    @GetMapping("/customers/{customerCode}/photos/{id}/thumbnail")
    @PreAuthorize(PhotoController.BUSINESS_ROLES)
    ResponseEntity<Resource> thumbnail(@PathVariable String customerCode, @PathVariable long id) {
        return PhotoController.serve(photos.file(customerCode, id, true));
    }

    private void panelModel(String customerCode, Model model) {
        model.addAttribute("customerCode", customerCode);
        model.addAttribute("photos", photos.list(customerCode));
        model.addAttribute("mayChange", photos.mayChange(customerCode));
        model.addAttribute("kinds", PhotoKind.values());
    }
}
