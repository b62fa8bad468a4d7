package com.tobacco.retailcrm.audit.web;

import com.tobacco.retailcrm.audit.domain.AuditEventQuery;
import com.tobacco.retailcrm.audit.domain.AuditEventReader;
import com.tobacco.retailcrm.audit.domain.AuditEventView;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.TimeRangeParameter;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
class AuditEventController {

    private final AuditEventReader reader;
    private final CrmProperties properties;

    AuditEventController(AuditEventReader reader, CrmProperties properties) {
        this.reader = reader;
        this.properties = properties;
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    PageResponse<AuditEventView> list(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String customerCode,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        var query = new AuditEventQuery(TimeRangeParameter.from(from, "from", properties.zone()),
                TimeRangeParameter.to(to, "to", properties.zone()),
                actor == null || actor.isBlank() ? null : java.util.Set.of(actor.trim()), action, customerCode, object);
        return reader.find(query,
                PageQuery.of(page, size, sort, AuditEventReader.SORTABLE, "occurredAt,desc"));
    }
}
