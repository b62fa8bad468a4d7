package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** The requests raised in a month as an Excel workbook (one row a request, the brands in one cell), within the caller's view. */
@Component
class SupplyExport {

    private static final List<String> HEADERS = List.of("supply.page.number", "supply.page.createdAt",
            "supply.page.customerCode", "supply.print.storeName", "supply.page.manager", "supply.page.reason",
            "supply.page.eventDate", "supply.page.lines", "supply.page.total", "supply.page.specialShort",
            "supply.page.approver", "supply.page.status", "supply.page.supplyOn", "supply.page.note");

    private final EmergencySupplyService service;
    private final SupplyJson json;
    private final Messages messages;
    private final AuditLog audit;

    SupplyExport(EmergencySupplyService service, SupplyJson json, Messages messages, AuditLog audit) {
        this.service = service;
        this.json = json;
        this.messages = messages;
        this.audit = audit;
    }

    void write(YearMonth month, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = service.list(null, false, month, PageQuery.of(0, 500, null,
                Set.of("createdAt"), "createdAt,desc")).items().stream().map(json::summary).toList();
        audit.record(AuditEntry.of("SUPPLY_REQUESTS_EXPORTED", "EMERGENCY_SUPPLY", month.toString())
                .detail(rows.size() + " rows"));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String name = URLEncoder.encode(messages.text("supply.export.file") + "-" + month + ".xlsx", StandardCharsets.UTF_8);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + name);
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "retail-crm", "1.0");
            Worksheet ws = wb.newWorksheet(messages.text("supply.export.sheet") + " " + month);
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(0, c, messages.text(HEADERS.get(c)));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (Map<String, Object> m : rows) {
                int c = 0;
                ws.value(r, c++, (String) m.get("number"));
                ws.value(r, c++, ((String) m.get("createdAt")).substring(0, 16).replace('T', ' '));
                ws.value(r, c++, (String) m.get("customerCode"));
                ws.value(r, c++, (String) m.get("storeName"));
                ws.value(r, c++, (String) m.get("customerManagerName"));
                ws.value(r, c++, (String) m.get("reasonName"));
                ws.value(r, c++, (String) m.get("eventDate"));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lines = (List<Map<String, Object>>) m.get("lines");
                ws.value(r, c++, lines.stream().map(l -> l.get("brandName") + "×" + Quantities.plain((java.math.BigDecimal) l.get("qty")))
                        .collect(Collectors.joining("、")));
                ws.value(r, c++, (java.math.BigDecimal) m.get("totalQty"));
                ws.value(r, c++, Boolean.TRUE.equals(m.get("special")) ? "是" : "否");
                ws.value(r, c++, (String) m.get("approverRoleName"));
                ws.value(r, c++, (String) m.get("statusName"));
                ws.value(r, c++, (String) m.get("supplyOn"));
                ws.value(r, c, (String) m.get("note"));
                r++;
            }
            wb.finish();
        }
    }
}
