package com.tobacco.retailcrm.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A report as an .xlsx download: one sheet, a header row, then one row per line; numbers stay numbers. */
final class ExcelDownload {

    private ExcelDownload() {
    }

    /** A sheet's title and rows. */
    record Sheet(String name, List<String> headers, List<List<Object>> rows) {
    }

    static void send(HttpServletResponse response, String fileName, List<Sheet> sheets) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "retail-crm", "1.0");
            for (Sheet sheet : sheets) {
                Worksheet ws = wb.newWorksheet(sheet.name());
                for (int i = 0; i < sheet.headers().size(); i++) {
                    ws.value(0, i, sheet.headers().get(i));
                }
                int r = 1;
                for (List<Object> row : sheet.rows()) {
                    for (int i = 0; i < row.size(); i++) {
                        cell(ws, r, i, row.get(i));
                    }
                    r++;
                }
            }
            wb.finish();
        }
    }

    /** A decimal string (the API's ratios) is written as a number, so the sheet can sum and chart it. */
    private static void cell(Worksheet ws, int r, int c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            ws.value(r, c, n);
        } else if (v instanceof String s && s.matches("-?\\d+(\\.\\d+)?")) {
            ws.value(r, c, new BigDecimal(s));
        } else {
            ws.value(r, c, String.valueOf(v));
        }
    }
}
