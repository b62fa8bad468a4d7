package com.tobacco.retailcrm.customer.io;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The export link of the customer list a page shows: the current page's list filters carried over, paging and
 * page-only parameters dropped. For templates: {@code ${customerExportLinks.href('xlsx')}}.
 */
@Component
public class ExportLinks {

    private static final Set<String> NOT_FILTERS = Set.of("page", "size", "sort", "lang", "id", "format", "days");

    public String href(String format) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/customers/export").queryParam("format", format);
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_FILTERS.contains(name) && !name.startsWith("_") && values.length > 0 && !values[0].isBlank()) {
                link.queryParam(name, values[0]);
            }
        });
        return link.encode().build().toUriString();
    }
}
