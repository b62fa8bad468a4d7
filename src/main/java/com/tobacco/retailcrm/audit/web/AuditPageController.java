package com.tobacco.retailcrm.audit.web;

import com.tobacco.retailcrm.audit.domain.AuditEventQuery;
import com.tobacco.retailcrm.audit.domain.AuditEventReader;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 审计日志 — the audit administrator reads the log: time range (in the company's time zone), actor, action and
 * customer code, newest first, paged. Nothing here changes the log: it has no edit or delete.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    private final AuditEventReader reader;
    private final CrmProperties properties;

    AuditPageController(AuditEventReader reader, CrmProperties properties) {
        this.reader = reader;
        this.properties = properties;
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String customerCode, @RequestParam(required = false) Integer page,
                Model model) {
        var query = new AuditEventQuery(zoned(from), zoned(to), actor, action, customerCode);
        model.addAttribute("page", reader.find(query,
                PageQuery.of(page, 20, null, AuditEventReader.SORTABLE, "occurredAt,desc")));
        model.addAttribute("actions", reader.actions());
        model.addAttribute("rangeWrong", from != null && to != null && !from.isBefore(to));
        return "audit/events";
    }

    private OffsetDateTime zoned(LocalDateTime t) {
        return t == null ? null : t.atZone(properties.zone()).toOffsetDateTime();
    }
}
