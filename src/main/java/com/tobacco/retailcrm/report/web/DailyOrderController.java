package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.report.orders.DailyOrders;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 订货日数据 in: {@code POST /api/v1/orders/daily} (JSON, all or nothing) and {@code …/import} (CSV/xlsx, per row). */
@RestController
class DailyOrderController {

    static final String SENDERS = "hasAnyRole('DISTRIBUTION_DEPT', 'MARKET_DEPT')";

    private final DailyOrders orders;
    private final Messages messages;

    DailyOrderController(DailyOrders orders, Messages messages) {
        this.orders = orders;
        this.messages = messages;
    }

    @PostMapping("/api/v1/orders/daily")
    @PreAuthorize(SENDERS)
    Map<String, Object> receive(@RequestBody(required = false) List<Map<String, Object>> body) {
        if (body == null) {
            throw new InvalidInputException("body", "{report.orders.error.batch}");
        }
        List<DailyOrders.Input> rows = body.stream().map(m -> m == null ? null : new DailyOrders.Input(
                text(m.get("customerCode")), text(m.get("date")), flag(m.get("ordered")), flag(m.get("succeeded")),
                flag(m.get("electronic")))).toList();
        return Map.of("stored", orders.record(rows));
    }

    @PostMapping(path = "/api/v1/orders/daily/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(SENDERS)
    Map<String, Object> importFile(@RequestPart(name = "file", required = false) MultipartFile file) {
        return json(importUpload(file));
    }

    /** Spools the upload to a temporary file (the reader streams it) and imports it. */
    DailyOrders.ImportResult importUpload(MultipartFile file) {
        return Uploads.spooled(file, "orders-daily-", "{report.orders.error.file}", orders::importFile);
    }

    Map<String, Object> json(DailyOrders.ImportResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stored", r.stored());
        m.put("errors", r.errors().stream().map(e -> Map.of("row", e.row(), "field", e.field(),
                "message", messages.text(e.message()))).toList());
        return m;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** Only JSON booleans count: anything else is refused by the row's rule. */
    private static String flag(Object o) {
        return o instanceof Boolean b ? b.toString() : "invalid";
    }
}
