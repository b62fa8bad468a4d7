package com.tobacco.retailcrm.customer.io;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts {@link ExportLinks} in the model of every page as {@code customerExportLinks}, so the export buttons
 * fragment works on any page that includes it (links may only use model objects, not bean references).
 */
@ControllerAdvice(annotations = Controller.class)
class ExportLinksAdvice {

    private final ExportLinks links;

    ExportLinksAdvice(ExportLinks links) {
        this.links = links;
    }

    @ModelAttribute("customerExportLinks")
    ExportLinks customerExportLinks() {
        return links;
    }
}
