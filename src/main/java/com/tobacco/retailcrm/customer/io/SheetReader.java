package com.tobacco.retailcrm.customer.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Reads an uploaded sheet one row at a time, whatever its format, so a file of any size needs little memory. */
interface SheetReader extends Closeable {

    /** The next row, blank ones included, or {@code null} at the end. */
    SheetRow next() throws IOException;

    /** Opens the file by its content: an xlsx is a zip (PK…), anything else is read as CSV. */
    static SheetReader open(Path file) throws IOException {
        return SpreadsheetFormat.sniff(file) == SpreadsheetFormat.XLSX ? new XlsxSheetReader(file) : new CsvSheetReader(file);
    }
}
