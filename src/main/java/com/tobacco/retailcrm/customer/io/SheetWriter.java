package com.tobacco.retailcrm.customer.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a sheet row by row straight to the response: fastexcel for xlsx (rows flushed to the stream every
 * {@value #FLUSH_EVERY} rows, so memory does not grow with the export), Commons CSV for CSV (UTF-8 with a BOM,
 * which Excel needs to show Chinese).
 */
abstract class SheetWriter implements Closeable {

    static final int FLUSH_EVERY = 1000;

    abstract void header(List<String> names) throws IOException;

    /** A row of cells: String, BigDecimal/Integer (written as numbers in xlsx) or null. */
    abstract void row(List<Object> cells) throws IOException;

    static SheetWriter of(SpreadsheetFormat format, OutputStream out, String sheetName) throws IOException {
        return format == SpreadsheetFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(out);
    }

    static final class Xlsx extends SheetWriter {

        private final Workbook workbook;
        private final Worksheet sheet;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "retail-crm", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        Workbook workbook() {
            return workbook;
        }

        Worksheet sheet() {
            return sheet;
        }

        @Override
        void header(List<String> names) {
            for (int c = 0; c < names.size(); c++) {
                sheet.value(0, c, names.get(c));
                sheet.width(c, Math.max(10, Math.min(30, names.get(c).length() * 2.2 + 2)));
            }
            sheet.range(0, 0, 0, Math.max(0, names.size() - 1)).style().bold().fillColor("DDEBF7").set();
            sheet.freezePane(0, 1);
            next = 1;
        }

        @Override
        void row(List<Object> cells) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof BigDecimal d) {
                    sheet.value(next, c, d);
                } else if (v instanceof Number n) {
                    sheet.value(next, c, n);
                } else if (v != null) {
                    sheet.value(next, c, v.toString());
                }
            }
            next++;
            if (next % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            workbook.finish();
        }
    }

    static final class Csv extends SheetWriter {

        private final Writer writer;
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        }

        @Override
        void header(List<String> names) throws IOException {
            printer.printRecord(names);
        }

        @Override
        void row(List<Object> cells) throws IOException {
            for (Object v : cells) {
                printer.print(v instanceof BigDecimal d ? d.toPlainString() : v instanceof String t ? defused(t) : v);
            }
            printer.println();
        }

        /**
         * A text cell that a spreadsheet program would run as a formula (=, +, -, @ first) gets a leading
         * apostrophe, as Excel itself does; the importer takes it off again.
         */
        static String defused(String text) {
            return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }

        @Override
        public void close() throws IOException {
            printer.flush();
            writer.flush();
        }
    }
}
