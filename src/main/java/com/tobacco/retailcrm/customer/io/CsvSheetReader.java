package com.tobacco.retailcrm.customer.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows via Commons CSV, streaming. Empty lines are kept as blank rows (the caller skips them) so that each
 * row's number stays the line a person sees when opening the file in a spreadsheet program.
 */
final class CsvSheetReader implements SheetReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false).setTrim(true).setIgnoreSurroundingSpaces(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvSheetReader(Path file) throws IOException {
        CsvCharset charset = CsvCharset.detect(file);
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(charset.bomLength());
            var reader = new BufferedReader(new InputStreamReader(in, charset.charset()), 64 * 1024);
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        this.records = parser.iterator();
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new SheetRow((int) record.getRecordNumber(), cells);
        } catch (java.io.UncheckedIOException e) {
            throw new MalformedSheetException("{customer.import.error.csvSyntax}", e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
