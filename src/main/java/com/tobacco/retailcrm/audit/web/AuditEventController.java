package com.tobacco.retailcrm.audit.web;

import com.tobacco.retailcrm.audit.domain.AuditEventQuery;
import com.tobacco.retailcrm.audit.domain.AuditEventReader;
import com.tobacco.retailcrm.audit.domain.AuditEventView;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
class AuditEventController {

    private final AuditEventReader reader;

    AuditEventController(AuditEventReader reader) {
        this.reader = reader;
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    PageResponse<AuditEventView> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String customerCode,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return reader.find(new AuditEventQuery(from, to, actor, action, customerCode),
                PageQuery.of(page, size, sort, AuditEventReader.SORTABLE, "occurredAt,desc"));
    }
}
