package com.tobacco.retailcrm.customer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading uploaded sheets: CSV character sets, blank lines, row numbers, xlsx cells, headers, cell values. */
class SheetReadingTest {

    @TempDir
    Path dir;

    private static final List<ImportField> FIELDS = List.of(
            new ImportField("customerCode", "客户代码", "TEXT", Map.of(), true, false),
            new ImportField("storeName", "店铺名称", "TEXT", Map.of(), true, false),
            new ImportField("retailFormat", "零售业态", "ENUM", Map.of("1", "食杂店", "2", "便利店", "3", "超市"), true, false),
            new ImportField("businessArea", "营业面积(㎡)", "DECIMAL", Map.of(), true, false),
            new ImportField("licenceExpiryDate", "有效日期", "DATE", Map.of(), true, false),
            new ImportField("hasCashRegister", "有收银系统", "BOOLEAN", Map.of(), true, false));

    @Test
    void gbkCsvWithoutBomIsDetectedAndDecoded() throws IOException {
        Path file = write("客户代码,店铺名称\n1234567890,华信超市\n", Charset.forName("GBK"), false);
        assertThat(CsvCharset.detect(file).charset()).isEqualTo(CsvCharset.GB18030);
        assertThat(rows(file)).extracting(SheetRow::cells)
                .containsExactly(List.of("客户代码", "店铺名称"), List.of("1234567890", "华信超市"));
    }

    @Test
    void utf8CsvWithAndWithoutBomIsDetected() throws IOException {
        Path withBom = write("客户代码,店铺名称\n1234567890,华信超市\n", StandardCharsets.UTF_8, true);
        Path without = write("客户代码,店铺名称\n1234567890,华信超市\n", StandardCharsets.UTF_8, false);
        assertThat(CsvCharset.detect(withBom)).isEqualTo(new CsvCharset(StandardCharsets.UTF_8, 3));
        assertThat(CsvCharset.detect(without)).isEqualTo(new CsvCharset(StandardCharsets.UTF_8, 0));
        assertThat(rows(withBom).get(0).cells().get(0)).isEqualTo("客户代码");
        assertThat(rows(without).get(1).cells().get(1)).isEqualTo("华信超市");
    }

    @Test
    void blankLinesKeepTheRowNumbersAPersonSees() throws IOException {
        Path file = write("客户代码,店铺名称\n\n1234567890,甲\n,\n\n1234567891,乙\n", StandardCharsets.UTF_8, false);
        List<SheetRow> nonBlank = rows(file).stream().filter(r -> !r.isBlank()).toList();
        assertThat(nonBlank).extracting(SheetRow::number).containsExactly(1, 3, 6);
    }

    @Test
    void xlsxWrittenByTheExporterReadsBackWithNumbersInPlainNotation() throws IOException {
        Path file = dir.resolve("t.xlsx");
        try (OutputStream out = Files.newOutputStream(file); SheetWriter w = SheetWriter.of(SpreadsheetFormat.XLSX, out, "客户档案")) {
            w.header(List.of("客户代码", "营业面积(㎡)", "店铺名称"));
            w.row(Arrays.asList("00012345678", new BigDecimal("120.50"), "华信超市"));
            w.row(Arrays.asList("00012345679", null, null));
        }
        assertThat(SpreadsheetFormat.sniff(file)).isEqualTo(SpreadsheetFormat.XLSX);
        List<SheetRow> rows = rows(file);
        assertThat(rows.get(1).number()).isEqualTo(2);
        assertThat(rows.get(1).cells()).containsExactly("00012345678", "120.5", "华信超市");
        assertThat(rows.get(2).cell(0)).isEqualTo("00012345679");
        assertThat(rows.get(2).cell(2)).isEmpty();
    }

    @Test
    void headerTakesKeysAndChineseLabelsMixed() {
        ImportHeader header = ImportHeader.resolve(new SheetRow(1,
                List.of("\uFEFF客户代码*", "storeName", " 零售业态 ", "营业面积（㎡）")), FIELDS);
        assertThat(header.columns().values()).extracting(ImportField::key)
                .containsExactly("customerCode", "storeName", "retailFormat", "businessArea");
    }

    @Test
    void headerWithUnknownOrDuplicateColumnsOrNoCodeIsRefused() {
        assertThatThrownBy(() -> ImportHeader.resolve(new SheetRow(1, List.of("客户代码", "店名", "storeName", "店铺名称")), FIELDS))
                .isInstanceOfSatisfying(com.tobacco.retailcrm.shared.api.InvalidInputException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.field()).containsExactly("店名", "店铺名称"));
        assertThatThrownBy(() -> ImportHeader.resolve(new SheetRow(1, List.of("店铺名称")), FIELDS))
                .isInstanceOfSatisfying(com.tobacco.retailcrm.shared.api.InvalidInputException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.field()).containsExactly("customerCode"));
    }

    @Test
    void cellsBecomeCanonicalValues() {
        ImportField format = FIELDS.get(2);
        ImportField area = FIELDS.get(3);
        ImportField date = FIELDS.get(4);
        ImportField bool = FIELDS.get(5);
        assertThat(CellParser.canonical(format, "便利店")).isEqualTo("2");
        assertThat(CellParser.canonical(format, "2")).isEqualTo("2");
        assertThat(CellParser.canonical(format, "2 便利店")).isEqualTo("2");
        assertThat(CellParser.canonical(format, "百货")).isEqualTo("百货");
        assertThat(CellParser.canonical(area, "1,200.50")).isEqualTo("1200.5");
        assertThat(CellParser.canonical(area, "大")).isEqualTo("大");
        assertThat(CellParser.canonical(date, "2026/1/5")).isEqualTo("2026-01-05");
        assertThat(CellParser.canonical(date, "2026年1月5日")).isEqualTo("2026-01-05");
        assertThat(CellParser.canonical(date, "20260105")).isEqualTo("2026-01-05");
        assertThat(CellParser.canonical(date, "46027")).isEqualTo("2026-01-05");
        assertThat(CellParser.canonical(date, "2026-02-30")).isEqualTo("2026-02-30");
        assertThat(CellParser.canonical(bool, "是")).isEqualTo("true");
        assertThat(CellParser.canonical(bool, "否")).isEqualTo("false");
        assertThat(CellParser.canonical(FIELDS.get(1), "  ")).isNull();
        assertThat(CellParser.canonical(FIELDS.get(1), "'=SUM(A1)")).isEqualTo("=SUM(A1)");
    }

    private Path write(String text, Charset charset, boolean bom) throws IOException {
        Path file = Files.createTempFile(dir, "t", ".csv");
        byte[] body = text.getBytes(charset);
        byte[] content = bom ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body) : body;
        Files.write(file, content);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static List<SheetRow> rows(Path file) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (SheetReader reader = SheetReader.open(file)) {
            for (SheetRow r = reader.next(); r != null; r = reader.next()) {
                rows.add(r);
            }
        }
        return rows;
    }
}
