package com.tobacco.retailcrm.customer.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an xlsx, streamed row by row with fastexcel-reader (StAX over the sheet XML; no cell objects
 * for the whole sheet in memory). Numbers come back in plain notation so codes typed as numbers keep their digits;
 * an Excel date serial in a date column is turned into a date by the value parser.
 */
final class XlsxSheetReader implements SheetReader {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    XlsxSheetReader(Path file) throws IOException {
        try {
            this.workbook = new ReadableWorkbook(file.toFile());
            this.stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw new MalformedSheetException("{customer.import.error.xlsxUnreadable}", e);
        }
        this.rows = stream.iterator();
    }

    @Override
    public SheetRow next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            return new SheetRow(row.getRowNum(), cells);
        } catch (RuntimeException e) {
            throw new MalformedSheetException("{customer.import.error.xlsxUnreadable}", e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> plain(cell.asNumber());
            case BOOLEAN -> Boolean.toString(cell.asBoolean());
            case STRING, FORMULA -> cell.getText().trim();
            case EMPTY -> "";
            default -> cell.getText().trim();
        };
    }

    private static String plain(BigDecimal number) {
        String s = number.stripTrailingZeros().toPlainString();
        return s;
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
