package com.tobacco.retailcrm.customer.io;

import static com.tobacco.retailcrm.shared.api.Texts.blankToNull;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Customer files over the API: import (with its records), the import template, and the export of a list. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerFileController {

    static final String BUSINESS_ROLES = Roles.BUSINESS;

    private static final Set<String> FILTERS = Set.of("format", "q", "retailFormat", "marketType", "status",
            "customerManager", "countyCode", "incomplete", "page", "size", "sort");

    private final CustomerImporter importer;
    private final ImportRecords records;
    private final CustomerExporter exporter;

    CustomerFileController(CustomerImporter importer, ImportRecords records, CustomerExporter exporter) {
        this.importer = importer;
        this.records = records;
        this.exporter = exporter;
    }

    /** 200 with the result when imported at once; 202 with the running record for a large file. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.MARKET_DEPT)
    ResponseEntity<ImportView> importFile(@RequestPart("file") MultipartFile file) {
        ImportView view = importer.importFile(spool(file), fileName(file), CurrentUsers.require().username(),
                LocaleContextHolder.getLocale());
        return ResponseEntity.status(view.running() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize(Roles.MARKET_DEPT)
    ImportView importRecord(@PathVariable long id) {
        return records.find(id).orElseThrow(() -> new NotFoundException("{customer.import.error.notFound}", id));
    }

    @GetMapping("/imports")
    @PreAuthorize(Roles.MARKET_DEPT)
    List<ImportView> recentImports() {
        return records.recent(null, 20);
    }

    @GetMapping("/import-template")
    @PreAuthorize(Roles.MARKET_DEPT)
    void template(@RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
        exporter.templateDownload(format(format), response);
    }

    /** The list's filters (API.md); parameters that are not standard ones filter by custom fields. */
    @GetMapping("/export")
    @PreAuthorize(BUSINESS_ROLES)
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        exporter.exportDownload(format(params.get("format")), query(params), response);
    }

    static CustomerQuery query(Map<String, String> params) {
        Map<String, String> custom = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!FILTERS.contains(k) && !k.startsWith("_")) {
                custom.put(k, v);
            }
        });
        String incomplete = blankToNull(params.get("incomplete"));
        if (incomplete != null && !incomplete.equals("true") && !incomplete.equals("false")) {
            throw new InvalidInputException("incomplete", "{error.param.type}");
        }
        return new CustomerQuery(blankToNull(params.get("q")), blankToNull(params.get("retailFormat")),
                blankToNull(params.get("marketType")), blankToNull(params.get("status")),
                blankToNull(params.get("customerManager")), blankToNull(params.get("countyCode")),
                "true".equals(incomplete) ? Boolean.TRUE : null, custom);
    }

    static SpreadsheetFormat format(String format) {
        return SpreadsheetFormat.of(format)
                .orElseThrow(() -> new InvalidInputException("format", "{customer.export.error.format}"));
    }

    static Path spool(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "{customer.import.error.empty}");
        }
        try {
            Path tmp = Files.createTempFile("customer-import-", ".upload");
            file.transferTo(tmp);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "upload";
        }
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replace("\0", "");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
