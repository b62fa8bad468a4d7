package com.tobacco.retailcrm.audit.web;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.domain.AuditEventQuery;
import com.tobacco.retailcrm.audit.domain.AuditEventReader;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PersonNames;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 审计日志 — the audit administrator reads the log: time range (in the company's time zone), actor (username or
 * name), action and object (an object id or customer code), newest first, paged, with the actions, people and
 * objects in words; and takes the same selection as an Excel file, which is itself an audit event. Nothing here
 * changes the log: it has no edit or delete.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    /** The most rows one Excel file holds; a wider selection is narrowed by the filters. */
    static final int EXPORT_LIMIT = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditEventReader reader;
    private final AuditRows rows;
    private final PersonNames people;
    private final AuditLog audit;
    private final Messages messages;
    private final CrmProperties properties;

    AuditPageController(AuditEventReader reader, AuditRows rows, PersonNames people, AuditLog audit, Messages messages,
                        CrmProperties properties) {
        this.reader = reader;
        this.rows = rows;
        this.people = people;
        this.audit = audit;
        this.messages = messages;
        this.properties = properties;
    }

    /** The page's filters, as the form sends them. */
    static class Filter {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime from;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime to;
        private String actor;
        private String action;
        private String object;

        public LocalDateTime getFrom() {
            return from;
        }

        public void setFrom(LocalDateTime from) {
            this.from = from;
        }

        public LocalDateTime getTo() {
            return to;
        }

        public void setTo(LocalDateTime to) {
            this.to = to;
        }

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action;
        }

        public String getObject() {
            return object;
        }

        public void setObject(String object) {
            this.object = object;
        }

        boolean rangeWrong() {
            return from != null && to != null && !from.isBefore(to);
        }

        String describe() {
            return "from=" + from + " to=" + to + " actor=" + actor + " action=" + action + " object=" + object;
        }
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    String list(@ModelAttribute("filter") Filter filter, @org.springframework.web.bind.annotation.RequestParam(
            required = false) Integer page, Model model) {
        var found = reader.find(query(filter), PageQuery.of(page, 20, null, AuditEventReader.SORTABLE, "occurredAt,desc"));
        model.addAttribute("page", found);
        model.addAttribute("rows", rows.of(found.items()));
        model.addAttribute("actions", reader.actions().stream()
                .collect(Collectors.toMap(a -> a, rows::actionName, (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("rangeWrong", filter.rangeWrong());
        return "audit/events";
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    void export(@ModelAttribute("filter") Filter filter, HttpServletResponse response) throws IOException {
        audit.record(AuditEntry.of("AUDIT_EXPORT", "AUDIT_LOG", null).detail(filter.describe()));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(messages.text("ui.audit.file"), StandardCharsets.UTF_8).replace("+", "%20")
                + ".xlsx");
        List<String> headers = List.of("ui.audit.time", "ui.audit.actor", "ui.audit.username", "ui.audit.ip",
                "ui.audit.action", "ui.audit.target", "ui.audit.outcome", "ui.audit.detail");
        try (OutputStream out = response.getOutputStream()) {
            Workbook workbook = new Workbook(out, "retail-crm", "1.0");
            Worksheet sheet = workbook.newWorksheet(messages.text("menu.audit"));
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, messages.text(headers.get(c)));
            }
            int[] r = {1};
            reader.forEach(query(filter), EXPORT_LIMIT, 1000, chunk -> {
                for (AuditRows.AuditRow row : rows.of(chunk)) {
                    var e = row.event();
                    int line = r[0]++;
                    sheet.value(line, 0, TIME.format(e.occurredAt()));
                    sheet.value(line, 1, row.actorName());
                    sheet.value(line, 2, e.actor());
                    sheet.value(line, 3, e.sourceIp());
                    sheet.value(line, 4, row.actionName());
                    sheet.value(line, 5, row.objectText());
                    sheet.value(line, 6, row.outcomeName());
                    sheet.value(line, 7, e.detail());
                }
                flush(sheet);
            });
            workbook.finish();
        }
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private AuditEventQuery query(Filter f) {
        return new AuditEventQuery(zoned(f.getFrom()), zoned(f.getTo()), actors(f.getActor()), f.getAction(), null,
                f.getObject());
    }

    /** Who the actor filter means: the username typed, and everyone whose name it is. */
    private Set<String> actors(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> usernames = new HashSet<>(people.usernamesCalled(text.trim()));
        usernames.add(text.trim());
        return usernames;
    }

    private Instant zoned(LocalDateTime t) {
        return t == null ? null : t.atZone(properties.zone()).toInstant();
    }
}
