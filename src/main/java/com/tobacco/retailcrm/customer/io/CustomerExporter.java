package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;

/**
 * 导出 and 导入模板 — customer files for people. The export streams every customer the caller may see that
 * matches the list's filters, with the caller's masking, one row at a time; headers are the Chinese labels and
 * enums their Chinese names, so the file reads well and imports back unchanged. The template has the headers of
 * every field a file may set, the ones needed to create a customer marked with *, and a drop-down list on each
 * enum column.
 */
@Service
class CustomerExporter {

    /** What a new customer needs (docs/api.md: code, licence, name, format, market type and county). */
    static final Set<String> NEEDED_TO_CREATE = Set.of("customerCode", "licenceNo", "storeName", "retailFormat",
            "marketType", ImportField.COUNTY_CODE);
    static final String SHEET = "客户档案";
    private static final String OPTIONS_SHEET = "选项";
    private static final int TEMPLATE_ROWS = 5000;

    private final ImportFieldCatalog catalog;
    private final CustomerArchive archive;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    CustomerExporter(ImportFieldCatalog catalog, CustomerArchive archive, AuditLog audit, Clock clock,
                     CrmProperties properties) {
        this.clock = clock;
        this.zone = properties.zone();
        this.catalog = catalog;
        this.archive = archive;
        this.audit = audit;
    }

    /** Streams the export as a download named after today's date. */
    void exportDownload(SpreadsheetFormat format, CustomerQuery query, HttpServletResponse response) throws IOException {
        // An invalid filter is refused (400) here, before the file's headers and first bytes go out.
        archive.search(query, new com.tobacco.retailcrm.shared.api.PageQuery(0, 1, "customerCode", true));
        attachment(response, format, "客户档案_" + DateTimeFormatter.ofPattern("yyyyMMdd").format(clock.instant().atZone(zone)));
        export(query, format, response.getOutputStream());
    }

    void templateDownload(SpreadsheetFormat format, HttpServletResponse response) throws IOException {
        attachment(response, format, "客户档案导入模板");
        template(format, response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, SpreadsheetFormat format, String baseName) {
        String name = baseName + "." + format.extension();
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"customers." + format.extension()
                + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "no-store");
    }

    long export(CustomerQuery query, SpreadsheetFormat format, OutputStream out) {
        List<ImportField> fields = catalog.fields();
        AtomicLong rows = new AtomicLong();
        try (SheetWriter writer = SheetWriter.of(format, out, SHEET)) {
            writer.header(fields.stream().map(ImportField::label).toList());
            archive.forEach(query, customer -> {
                try {
                    writer.row(cells(customer, fields));
                    rows.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEntry.of("CUSTOMER_EXPORT", "CUSTOMER", null)
                .detail("format=" + format.extension() + " rows=" + rows.get() + " filter=" + describe(query)));
        return rows.get();
    }

    void template(SpreadsheetFormat format, OutputStream out) {
        List<ImportField> fields = catalog.fields().stream().filter(ImportField::writable).toList();
        List<String> header = fields.stream()
                .map(f -> NEEDED_TO_CREATE.contains(f.key()) ? f.label() + "*" : f.label()).toList();
        try (SheetWriter writer = SheetWriter.of(format, out, SHEET)) {
            writer.header(header);
            if (writer instanceof SheetWriter.Xlsx xlsx) {
                addDropDowns(xlsx, fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each enum column gets a list validation pointing at its Chinese names on a second sheet. */
    private static void addDropDowns(SheetWriter.Xlsx xlsx, List<ImportField> fields) {
        Worksheet options = xlsx.workbook().newWorksheet(OPTIONS_SHEET);
        int optionColumn = 0;
        for (int c = 0; c < fields.size(); c++) {
            ImportField field = fields.get(c);
            if (!field.isEnum() || field.options().isEmpty()) {
                continue;
            }
            options.value(0, optionColumn, field.label());
            int r = 1;
            for (String name : field.options().values()) {
                options.value(r++, optionColumn, name);
            }
            xlsx.sheet().range(1, c, TEMPLATE_ROWS, c)
                    .validateWithList(options.range(1, optionColumn, r - 1, optionColumn))
                    .allowBlank(true).showErrorMessage(true).errorStyle(DataValidationErrorStyle.STOP)
                    .errorTitle(field.label()).error("请从下拉列表中选择");
            optionColumn++;
        }
    }

    private static List<Object> cells(CustomerRecord customer, List<ImportField> fields) {
        List<Object> cells = new ArrayList<>(fields.size());
        for (ImportField field : fields) {
            Object value = field.key().equals(ImportField.COUNTY_CODE) ? customer.countyCode() : customer.get(field.key());
            cells.add(cell(field, value));
        }
        return cells;
    }

    static Object cell(ImportField field, Object value) {
        if (value == null) {
            return null;
        }
        if (field.isEnum()) {
            return field.options().getOrDefault(value.toString(), value.toString());
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof BigDecimal || value instanceof Integer || value instanceof Long) {
            return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
        }
        return value.toString();
    }

    private static String describe(CustomerQuery q) {
        return "q=" + q.q() + ",retailFormat=" + q.retailFormat() + ",marketType=" + q.marketType() + ",status="
                + q.status() + ",customerManager=" + q.customerManager() + ",countyCode=" + q.countyCode()
                + ",incomplete=" + q.incomplete() + ",custom=" + q.custom();
    }
}
