package com.tobacco.retailcrm.classification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel download written as it goes (dhatim fastexcel, flushed every 1,000 rows) so that a run's 300,000 results
 * never sit in memory. Numbers stay numbers in the sheet (BigDecimal cells), everything else is text.
 */
final class XlsxDownload implements AutoCloseable {

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row = 1;

    XlsxDownload(HttpServletResponse response, String fileName, String sheetName, List<String> headers) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        try {
            workbook = new Workbook(response.getOutputStream(), "retail-crm", "1.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
    }

    void row(Object... cells) {
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof BigDecimal d) {
                sheet.value(row, c, d);
            } else if (v instanceof Number n) {
                sheet.value(row, c, n);
            } else if (v != null) {
                sheet.value(row, c, v.toString());
            }
        }
        row++;
        if (row % 1000 == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
