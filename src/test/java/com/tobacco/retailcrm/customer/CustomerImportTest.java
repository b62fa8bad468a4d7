package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/** 批量导入/导出 over HTTP: messy real-life files, re-import, round trip, history, all-or-nothing rows, scope. */
public class CustomerImportTest extends CustomerApiTestBase {

    @Autowired
    ApplicationContext context;

    FileTransfer files;

    @BeforeEach
    void files() {
        files = new FileTransfer(http.base());
    }

    @Test
    void messyGbkCsvWithChineseHeadersBlankLinesAndBadRowsHasItsExactResult() {
        County c = county();
        String county = jdbc.queryForObject("select name from org_unit where code = ?", String.class, c.code());
        String ok1 = digits(12);
        String ok2 = digits(10);
        String csv = String.join("\r\n",
                "客户代码,专卖许可证号,店铺名称,零售业态,市场类型,所属县区,订货电话,有效日期,营业面积(㎡)",
                ok1 + "," + digits(12) + ",华信超市,超市,城网," + c.code() + ",13800138000,2027/3/1,120.50",
                "",
                digits(12) + ",12345,坏许可证店,便利店,城网," + c.code() + ",,,",
                ok2 + "," + digits(12) + ",\"老王烟酒,批发\",烟酒商店,农网," + county + ",,,",
                ",,,,,,,,",
                digits(12) + "," + digits(12) + ",未知业态店,百货,城网," + c.code() + ",,,",
                digits(12) + "," + digits(12) + ",无县区店,食杂店,城网,,,,",
                digits(12) + "," + digits(12) + ",坏日期店,食杂店,城网," + c.code() + ",,2027/13/45,-5",
                "", "");
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        var first = files.upload("/api/v1/customers/import", c.marketDept(), "客户.csv", gbk, Map.of());
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonNode r = first.json();
        assertThat(counts(r)).containsExactly(6, 2, 0, 0, 4);
        assertThat(errorKeys(r)).containsExactlyInAnyOrder("4:licenceNo", "7:retailFormat", "8:countyCode",
                "9:licenceExpiryDate", "9:businessArea");
        r.get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank().doesNotStartWith("{"));
        // the import is an audit event with its counts, in the name of who ran it (issue 17, point 4)
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'CUSTOMER_IMPORT' and target_id = ?",
                String.class, r.get("id").asString())).singleElement().asString()
                .contains("file=客户.csv", "rows=6", "created=2", "failed=4");

        var stored = http.get("/api/v1/customers/" + ok2, c.marketDept()).json();
        assertThat(stored.get("storeName").asString()).isEqualTo("老王烟酒,批发");
        assertThat(stored.get("retailFormat").asString()).isEqualTo("5");
        assertThat(stored.get("marketType").asString()).isEqualTo("2");
        assertThat(stored.get("countyCode").asString()).isEqualTo(c.code());
        var huaxin = http.get("/api/v1/customers/" + ok1, c.marketDept()).json();
        assertThat(huaxin.get("licenceExpiryDate").asString()).isEqualTo("2027-03-01");
        assertThat(huaxin.get("businessArea").decimalValue()).isEqualByComparingTo("120.5");

        var again = files.upload("/api/v1/customers/import", c.marketDept(), "客户.csv", gbk, Map.of());
        assertThat(counts(again.json())).as("%s", again).containsExactly(6, 0, 0, 2, 4);

        long id = r.get("id").asLong();
        var record = http.get("/api/v1/customers/imports/" + id, c.marketDept());
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().get("status").asString()).isEqualTo("DONE");
        assertThat(record.json().get("fileName").asString()).isEqualTo("客户.csv");
        assertThat(record.json().get("errors")).hasSize(5);
    }

    /**
     * A customer created by an import has its creation in the history as one entry per value with the source
     * IMPORT:&lt;id&gt;, sensitive values masked; stored encrypted.
     */
    @Test
    void customersCreatedByAnImportHaveEveryValueInTheirHistory() {
        County c = county();
        String code = digits(12);
        String csv = String.join("\n", "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode,orderPhone",
                code + "," + digits(12) + ",新建导入店,2,1," + c.code() + ",13812345678");
        var r = files.upload("/api/v1/customers/import", c.marketDept(), "new.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(counts(r.json())).containsExactly(1, 1, 0, 0, 0);
        String source = "IMPORT:" + r.json().get("id").asLong();

        Map<String, String> created = new HashMap<>();
        http.get("/api/v1/customers/" + code + "/history", c.marketDept()).json().forEach(h -> {
            assertThat(h.get("source").asString()).isEqualTo(source);
            assertThat(h.get("oldValue").isNull()).isTrue();
            created.put(h.get("field").asString(), h.get("newValue").asString());
        });
        assertThat(created).containsEntry("customerCode", code).containsEntry("storeName", "新建导入店")
                .containsEntry("retailFormat", "2").containsEntry("orderPhone", "138****5678")
                .containsEntry("orderFrequency", "WEEKLY").containsEntry("status", "ACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from customer_history_entry where customer_code = ?",
                Integer.class, code)).isEqualTo(created.size());
        String stored = jdbc.queryForObject("select new_value from customer_history_entry where customer_code = ? "
                + "and field = 'orderPhone'", String.class, code);
        assertThat(stored).startsWith("AES:").doesNotContain("13812345678");
    }

    /**
     * V255: an imported creation is stored as ONE history row (its fields and initial values as two arrays), and
     * reads through the API exactly as a creation stored one row per field: the same fields in the same order,
     * the same values, the source of the import.
     */
    @Test
    void historyOfACreatedCustomerReadsAsOneEntryPerFieldFromOneStoredRow() {
        County c = county();
        String imported = digits(12);
        String csv = String.join("\n", "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode,orderPhone,"
                        + "contactPerson,businessArea",
                imported + "," + digits(12) + ",\"一行\"\"台账\\店\",2,1," + c.code() + ",13812345678,甲,88.5");
        var r = files.upload("/api/v1/customers/import", c.marketDept(), "one.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(counts(r.json())).as("%s", r).containsExactly(1, 1, 0, 0, 0);
        String source = "IMPORT:" + r.json().get("id").asLong();
        assertThat(jdbc.queryForList("select field from customer_history where customer_code = ?", String.class, imported))
                .containsExactly("*");
        String direct = create(c, Map.of("customerCode", digits(12), "licenceNo", digits(12), "storeName", "一行\"台账\\店",
                "retailFormat", "2", "marketType", "1", "orderPhone", "13812345678", "contactPerson", "甲",
                "businessArea", 88.5)).get("customerCode").asString();
        assertThat(jdbc.queryForObject("select count(*) from customer_history where customer_code = ?", Integer.class,
                direct)).isGreaterThan(5);

        List<String> fromOneRow = new ArrayList<>();
        http.get("/api/v1/customers/" + imported + "/history", c.marketDept()).json().forEach(h -> {
            assertThat(h.get("source").asString()).isEqualTo(source);
            assertThat(h.get("oldValue").isNull()).isTrue();
            fromOneRow.add(h.get("field").asString() + "=" + (h.get("field").asString().matches("customerCode|licenceNo")
                    ? "" : h.get("newValue").asString()));
        });
        List<String> fromRows = new ArrayList<>();
        http.get("/api/v1/customers/" + direct + "/history", c.marketDept()).json().forEach(h ->
                fromRows.add(h.get("field").asString() + "=" + (h.get("field").asString().matches("customerCode|licenceNo")
                        ? "" : h.get("newValue").asString())));
        assertThat(fromOneRow).containsExactlyInAnyOrderElementsOf(fromRows).contains("storeName=一行\"台账\\店",
                "orderPhone=138****5678", "businessArea=88.5");
        // newest first, as the rows of a creation written one per field in the order of its values
        List<String> stored = new ArrayList<>(jdbc.queryForList("select unnest(created_fields) from customer_history "
                + "where customer_code = ?", String.class, imported));
        java.util.Collections.reverse(stored);
        assertThat(fromOneRow.stream().map(e -> e.substring(0, e.indexOf('='))).toList()).isEqualTo(stored);
    }

    @Test
    void xlsxImportUpdatesWithHistoryFromTheImportAndKeepsBadRowsWhole() throws IOException {
        County c = county();
        var existing = createManaged(c, "便民食杂店");
        String code = existing.get("customerCode").asString();
        var other = createManaged(c, "另一家店");
        String newCode = digits(14);

        // keys and Chinese labels mixed in one header; an enum by code, another by Chinese name
        byte[] xlsx = xlsx(List.of("customerCode", "专卖许可证号", "storeName", "零售业态", "marketType", "countyCode",
                        "contactPerson", "有收银系统"),
                List.of(code, existing.get("licenceNo").asString(), "便民食杂店（新）", "食杂店", "1", c.code(), "张三", "是"),
                List.of(newCode, digits(12), "新开超市", "3", "城网", c.code(), "", ""),
                // a valid new name with an invalid format: the row fails as a whole, the name is not saved
                List.of(other.get("customerCode").asString(), other.get("licenceNo").asString(), "改了名字", "百货", "1",
                        c.code(), "", ""),
                // a licence another customer holds
                List.of(digits(13), existing.get("licenceNo").asString(), "重复许可证", "1", "1", c.code(), "", ""));
        var first = files.upload("/api/v1/customers/import", c.marketDept(), "update.xlsx", xlsx, Map.of());
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonNode r = first.json();
        assertThat(counts(r)).as("%s", r).containsExactly(4, 1, 1, 0, 2);
        assertThat(errorKeys(r)).contains("4:retailFormat").anyMatch(k -> k.startsWith("5:"));
        long id = r.get("id").asLong();

        var updated = http.get("/api/v1/customers/" + code, c.marketDept()).json();
        assertThat(updated.get("storeName").asString()).isEqualTo("便民食杂店（新）");
        assertThat(updated.get("retailFormat").asString()).isEqualTo("1");
        assertThat(updated.get("hasCashRegister").asBoolean()).isTrue();
        var history = http.get("/api/v1/customers/" + code + "/history", c.marketDept()).json();
        List<String> fromImport = new ArrayList<>();
        history.forEach(h -> {
            if (h.get("source").asString().equals("IMPORT:" + id)) {
                fromImport.add(h.get("field").asString());
            }
        });
        assertThat(fromImport).containsExactlyInAnyOrder("storeName", "retailFormat", "contactPerson", "hasCashRegister");

        var untouched = http.get("/api/v1/customers/" + other.get("customerCode").asString(), c.marketDept()).json();
        assertThat(untouched.get("storeName").asString()).isEqualTo("另一家店");
        assertThat(jdbc.queryForObject("select count(*) from customer_history where source = ? and customer_code = ?",
                Integer.class, "IMPORT:" + id, other.get("customerCode").asString())).isZero();
        assertThat(http.get("/api/v1/customers/" + newCode, c.marketDept()).status()).isEqualTo(200);

        var again = files.upload("/api/v1/customers/import", c.marketDept(), "update.xlsx", xlsx, Map.of());
        assertThat(counts(again.json())).containsExactly(4, 0, 0, 2, 2);
    }

    @Test
    void exportThenImportChangesNothingInBothFormats() throws IOException {
        County c = county();
        createManaged(c, "华联超市", "orderPhone", "13912345678", "licenceExpiryDate", "2028-06-30",
                "businessArea", 88.5, "hasCashRegister", true, "responsiblePerson", "李四");
        createManaged(c, "重庆小面馆");
        create(c, minimal("无人管理店"));
        for (String format : List.of("xlsx", "csv")) {
            var export = files.get("/api/v1/customers/export?format=" + format + "&countyCode=" + c.code(), c.marketDept());
            assertThat(export.status()).as("%s", export).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                    .as("the date alone in the file name, no zone offset").doesNotContain("%2B0800", "+0800")
                    .containsPattern("%E5%AE%A2%E6%88%B7%E6%A1%A3%E6%A1%88_\\d{8}\\." + format);
            var back = files.upload("/api/v1/customers/import", c.marketDept(), "export." + format, export.body(), Map.of());
            assertThat(back.status()).as("%s", back).isEqualTo(200);
            assertThat(counts(back.json())).as("%s %s", format, back).containsExactly(3, 0, 0, 3, 0);
        }
        var xlsx = files.get("/api/v1/customers/export?format=xlsx&countyCode=" + c.code(), c.marketDept());
        List<List<String>> rows = readXlsx(xlsx.body());
        assertThat(rows.get(0)).contains("客户代码", "店铺名称", "零售业态", "所属县区");
        assertThat(rows).hasSize(4);
        int format = rows.get(0).indexOf("零售业态");
        assertThat(rows.get(1).get(format)).isEqualTo("便利店");
    }

    @Test
    void exportHonoursScopeFiltersAndMasking() throws IOException {
        County c = county();
        createManaged(c, "经理甲的店一", "orderPhone", "13812348000");
        createManaged(c, "经理甲的店二");
        create(c, minimal("别人的店"));
        County other = county();
        createManaged(other, "外县的店");

        var own = readXlsx(files.get("/api/v1/customers/export?format=xlsx", c.manager()).body());
        assertThat(own).hasSize(3);
        int name = own.get(0).indexOf("店铺名称");
        assertThat(own.subList(1, 3)).extracting(r -> r.get(name)).containsExactlyInAnyOrder("经理甲的店一", "经理甲的店二");

        var team = readXlsx(files.get("/api/v1/customers/export?format=xlsx&q=店一", c.marketManager()).body());
        assertThat(team).hasSize(2);
        int phone = team.get(0).indexOf("订货电话");
        assertThat(team.get(1).get(phone)).isEqualTo("138****8000");

        var filtered = readXlsx(files.get("/api/v1/customers/export?format=csv&retailFormat=9", c.manager()).body());
        assertThat(filtered).hasSize(1);
        assertThat(files.get("/api/v1/customers/export?format=pdf", c.manager()).status()).isEqualTo(400);
        assertThat(files.get("/api/v1/customers/export?format=xlsx", adminToken("sysadmin")).status()).isEqualTo(403);
    }

    @Test
    void templateHasChineseHeadersAndDropDownsForEnums() throws IOException {
        County c = county();
        var template = files.get("/api/v1/customers/import-template?format=xlsx", c.marketDept());
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).contains("spreadsheetml");
        List<List<String>> rows = readXlsx(template.body());
        assertThat(rows.get(0)).contains("客户代码*", "店铺名称*", "零售业态*", "所属县区*", "订货方式")
                .doesNotContain("经营规模", "店面照片");
        String sheetXml = zipEntry(template.body(), "xl/worksheets/sheet1.xml");
        // the list points at the options sheet (its name 选项 written as XML character references)
        assertThat(sheetXml).contains("<dataValidation").contains("type=\"list\"").contains("&#x9009;&#x9879;'!$A$2");
        // the template itself imports (as an empty file it is refused for having no rows)
        var empty = files.upload("/api/v1/customers/import", c.marketDept(), "t.xlsx", template.body(), Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(files.get("/api/v1/customers/import-template?format=xlsx", c.manager()).status()).isEqualTo(403);
    }

    @Test
    void filesThatAreNotCustomerSheetsAreRefusedWithAClearMessage() {
        County c = county();
        var unknown = files.upload("/api/v1/customers/import", c.marketDept(), "a.csv",
                "客户代码,店名\n12345678,好店\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("店名");
        var xls = files.upload("/api/v1/customers/import", c.marketDept(), "old.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, Map.of());
        assertThat(xls.status()).isEqualTo(400);
        assertThat(xls.text()).contains(".xlsx");
        var empty = files.upload("/api/v1/customers/import", c.marketDept(), "e.csv", new byte[0], Map.of());
        assertThat(empty.status()).isEqualTo(400);
        var notMarketDept = files.upload("/api/v1/customers/import", c.manager(), "a.csv", "customerCode\n1\n".getBytes(), Map.of());
        assertThat(notMarketDept.status()).isEqualTo(403);
    }

    @Test
    void aLargeFileRunsInTheBackgroundWithProgress() throws Exception {
        County c = county();
        Object importer = context.getBean("customerImporter");
        Object before = ReflectionTestUtils.getField(importer, "syncMaxRows");
        ReflectionTestUtils.setField(importer, "syncMaxRows", 3);
        try {
            StringBuilder csv = new StringBuilder("customerCode,licenceNo,storeName,retailFormat,marketType,countyCode\n");
            for (int i = 0; i < 12; i++) {
                csv.append(digits(12)).append(',').append(digits(12)).append(",后台店").append(i).append(",1,1,")
                        .append(c.code()).append('\n');
            }
            var started = files.upload("/api/v1/customers/import", c.marketDept(), "big.csv",
                    csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            assertThat(started.json().get("total").asInt()).isEqualTo(12);
            long id = started.json().get("id").asLong();
            JsonNode record = started.json();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (record.get("status").asString().equals("RUNNING") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                record = http.get("/api/v1/customers/imports/" + id, c.marketDept()).json();
                assertThat(record.get("processed").asInt()).isBetween(0, 12);
            }
            assertThat(record.get("status").asString()).isEqualTo("DONE");
            assertThat(counts(record)).containsExactly(12, 12, 0, 0, 0);
        } finally {
            ReflectionTestUtils.setField(importer, "syncMaxRows", before);
        }
    }

    /**
     * A file of several chunks, written two at a time: a code given again in a later chunk updates the customer its
     * first row created (while that chunk may still be writing), a bad row in a chunk of good ones fails alone,
     * errors and counts are whole and in row order, and the gram counters count every created customer once.
     */
    @Test
    void aFileOfManyChunksWrittenTwoAtATimeGivesTheResultOfOneRowAfterAnother() {
        withChunkSize(500, this::manyChunks);
    }

    /** Runs {@code test} with the importer's chunks of {@code rows} rows (a test's file need not be thousands long). */
    private void withChunkSize(int rows, Runnable test) {
        Object importer = context.getBean("customerImporter");
        Object before = ReflectionTestUtils.getField(importer, "chunkSize");
        ReflectionTestUtils.setField(importer, "chunkSize", rows);
        try {
            test.run();
        } finally {
            ReflectionTestUtils.setField(importer, "chunkSize", before);
        }
    }

    private void manyChunks() {
        County c = county();
        int rows = 1_300;
        List<String> codes = new ArrayList<>();
        List<String> licences = new ArrayList<>();
        StringBuilder csv = new StringBuilder("customerCode,licenceNo,storeName,retailFormat,marketType,countyCode\n");
        for (int i = 0; i < rows; i++) {
            boolean again = i >= 500 && i < 520;
            String code = again ? codes.get(i - 500) : digits(12);
            String licence = again ? licences.get(i - 500) : digits(12);
            codes.add(code);
            licences.add(licence);
            if (i == 700) {
                csv.append(code).append(',').append(licence).append(",坏行,99,1,").append(c.code()).append('\n');
            } else if (again) {
                csv.append(code).append(',').append(licence).append(",再次出现").append(i).append(",1,1,").append(c.code()).append('\n');
            } else {
                csv.append(code).append(',').append(licence).append(",分块店").append(i).append(",2,1,").append(c.code())
                        .append('\n');
            }
        }
        long gramsBefore = jdbc.queryForObject("select coalesce(sum(customers), 0) from customer_name_gram_count "
                + "where gram = '块'", Long.class);
        var result = files.upload("/api/v1/customers/import", c.marketDept(), "chunks.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(result.status()).as("%s", result).isEqualTo(200);
        JsonNode r = result.json();
        assertThat(counts(r)).as("%s", r).containsExactly(rows, rows - 20 - 1, 20, 0, 1);
        assertThat(errorKeys(r)).containsExactly("702:retailFormat");
        long id = r.get("id").asLong();
        var renamed = http.get("/api/v1/customers/" + codes.get(3), c.marketDept()).json();
        assertThat(renamed.get("storeName").asString()).isEqualTo("再次出现503");
        assertThat(jdbc.queryForList("select field from customer_history where customer_code = ? and source = ? "
                + "and old_value is not null", String.class, codes.get(3), "IMPORT:" + id))
                .containsExactlyInAnyOrder("storeName", "retailFormat");
        assertThat(jdbc.queryForObject("select count(*) from customer where customer_code = any(?)", Integer.class,
                (Object) codes.toArray(String[]::new))).isEqualTo(rows - 20 - 1);
        assertThat(jdbc.queryForObject("select coalesce(sum(customers), 0) from customer_name_gram_count "
                + "where gram = '块'", Long.class) - gramsBefore)
                .as("分块店 created and not renamed: every one counted once")
                .isEqualTo(jdbc.queryForObject("select count(*) from customer where customer_code = any(?) "
                        + "and store_name like '分块店%'", Long.class, (Object) codes.toArray(String[]::new)));
    }

    /**
     * A chunk of updates the archive refuses (two rows with a value it does not take) is written again in parts: the
     * two bad rows fail with their field named, every other row of the chunk is written, with its history.
     */
    @Test
    void badUpdatesInARefusedChunkFailAloneAndEveryOtherRowIsWritten() {
        County c = county();
        int rows = 40;
        StringBuilder created = new StringBuilder("customerCode,licenceNo,storeName,retailFormat,marketType,countyCode\n");
        List<String> codes = new ArrayList<>();
        List<String> licences = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            codes.add(digits(12));
            licences.add(digits(12));
            created.append(codes.get(i)).append(',').append(licences.get(i)).append(",拆分店").append(i).append(",1,1,")
                    .append(c.code()).append('\n');
        }
        var first = files.upload("/api/v1/customers/import", c.marketDept(), "new.csv",
                created.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(counts(first.json())).as("%s", first).containsExactly(rows, rows, 0, 0, 0);
        StringBuilder changed = new StringBuilder("customerCode,licenceNo,storeName,retailFormat,marketType,countyCode\n");
        for (int i = 0; i < rows; i++) {
            String format = i == 7 || i == 31 ? "99" : "2";
            changed.append(codes.get(i)).append(',').append(licences.get(i)).append(",改名店").append(i).append(',')
                    .append(format).append(",1,").append(c.code()).append('\n');
        }

        withChunkSize(rows, () -> {
            var r = files.upload("/api/v1/customers/import", c.marketDept(), "changes.csv",
                    changed.toString().getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(counts(r.json())).as("%s", r).containsExactly(rows, 0, rows - 2, 0, 2);
            assertThat(errorKeys(r.json())).containsExactly("9:retailFormat", "33:retailFormat");
            String source = "IMPORT:" + r.json().get("id").asLong();
            assertThat(jdbc.queryForList("select store_name from customer where customer_code = any(?) order by store_name",
                    String.class, (Object) new String[] {codes.get(6), codes.get(7), codes.get(31), codes.get(39)}))
                    .containsExactly("拆分店31", "拆分店7", "改名店39", "改名店6");
            assertThat(jdbc.queryForObject("select count(distinct customer_code) from customer_history where source = ?",
                    Integer.class, source)).isEqualTo(rows - 2);
        });
    }

    /**
     * The updates of a chunk are judged one after another and written together, with the rules of an edit: a second
     * row for the same customer sees the first one's values and raises the version again, every changed field has
     * its history row and every changed row its audit event, a changed phone is stored encrypted with the hashes of
     * the new number while an unchanged one keeps its ciphertext, and a rename moves the store-name gram counters.
     */
    @Test
    void updatesWrittenTogetherFollowTheRulesOfOneEditAfterAnother() {
        County c = county();
        var first = createManaged(c, "旧名批改店", "orderPhone", "13800000001", "contactPerson", "甲");
        var second = createManaged(c, "另一批改店", "orderPhone", "13800000003");
        String a = first.get("customerCode").asString();
        String b = second.get("customerCode").asString();
        long versionBefore = http.get("/api/v1/customers/" + a, c.marketDept()).json().get("version").asLong();
        String bCipher = jdbc.queryForObject("select order_phone from customer where customer_code = ?", String.class, b);
        long countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, c.code());
        String grams = "select coalesce(sum(customers), 0) from customer_name_gram_count where gram = ? "
                + "and county_org_unit_id = ?";
        String csv = String.join("\n", "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode,orderPhone,contactPerson",
                a + "," + first.get("licenceNo").asString() + ",新名批改店,2,1," + c.code() + ",13900000002,乙",
                b + "," + second.get("licenceNo").asString() + ",另一批改店,2,1," + c.code() + ",138****0003,丙",
                a + "," + first.get("licenceNo").asString() + ",新名批改店,2,1," + c.code() + ",13900000002,丁");

        var r = files.upload("/api/v1/customers/import", c.marketDept(), "batch.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(counts(r.json())).as("%s", r).containsExactly(3, 0, 3, 0, 0);
        String source = "IMPORT:" + r.json().get("id").asLong();
        var updated = http.get("/api/v1/customers/" + a, c.marketDept()).json();
        assertThat(updated.get("version").asLong()).isEqualTo(versionBefore + 2);
        assertThat(updated.get("storeName").asString()).isEqualTo("新名批改店");
        assertThat(updated.get("contactPerson").asString()).isEqualTo("丁");
        assertThat(jdbc.queryForList("select field || ':' || coalesce(old_value, '') || '>' || new_value from customer_history "
                        + "where customer_code = ? and source = ? and field <> 'orderPhone' order by id", String.class, a, source))
                .containsExactlyInAnyOrder("storeName:旧名批改店>新名批改店", "contactPerson:甲>乙", "contactPerson:乙>丁")
                .filteredOn(h -> h.startsWith("contactPerson")).as("the second row sees the first")
                .containsExactly("contactPerson:甲>乙", "contactPerson:乙>丁");
        assertThat(jdbc.queryForObject("select new_value from customer_history where customer_code = ? and source = ? "
                + "and field = 'orderPhone'", String.class, a, source)).startsWith("AES:").doesNotContain("13900000002");
        assertThat(jdbc.queryForObject("select order_phone from customer where customer_code = ?", String.class, a))
                .startsWith("AES:").doesNotContain("13900000002");
        List<String> foundByPhone = new ArrayList<>();
        http.get("/api/v1/customers?q=13900000002", c.marketDept()).json().get("items")
                .forEach(i -> foundByPhone.add(i.get("customerCode").asString()));
        assertThat(foundByPhone).as("found by the hash of the new number").containsExactly(a);
        assertThat(jdbc.queryForObject("select order_phone from customer where customer_code = ?", String.class, b))
                .as("an unchanged sensitive value keeps its ciphertext").isEqualTo(bCipher);
        assertThat(jdbc.queryForList("select customer_code from audit_event where action = 'CUSTOMER_CHANGED' "
                + "and detail like ?", String.class, "source=" + source + " %")).containsExactlyInAnyOrder(a, a, b);
        assertThat(jdbc.queryForObject(grams, Long.class, "旧", countyId)).isZero();
        assertThat(jdbc.queryForObject(grams, Long.class, "新", countyId)).isEqualTo(1);
        assertThat(jdbc.queryForObject(grams, Long.class, "批改", countyId)).isEqualTo(2);
    }

    static List<Integer> counts(JsonNode r) {
        return List.of(r.get("total").asInt(), r.get("created").asInt(), r.get("updated").asInt(),
                r.get("unchanged").asInt(), r.get("failed").asInt());
    }

    static List<String> errorKeys(JsonNode r) {
        List<String> keys = new ArrayList<>();
        r.get("errors").forEach(e -> keys.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        return keys;
    }

    @SafeVarargs
    public static byte[] xlsx(List<String> header, List<String>... rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].size(); c++) {
                if (!rows[r].get(c).isEmpty()) {
                    ws.value(r + 1, c, rows[r].get(c));
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    /** The rows of an xlsx, or of a CSV (by content), as text. */
    static List<List<String>> readXlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        if (content.length > 1 && content[0] == 'P' && content[1] == 'K') {
            try (var wb = new ReadableWorkbook(new ByteArrayInputStream(content))) {
                for (Row row : wb.getFirstSheet().read()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCellText(i));
                    }
                    rows.add(cells);
                }
            }
            return rows;
        }
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (var parser = org.apache.commons.csv.CSVParser.parse(text, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            parser.forEach(rec -> rows.add(rec.toList()));
        }
        return rows;
    }

    static String zipEntry(byte[] zip, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("template", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (var z = new java.util.zip.ZipFile(file.toFile())) {
                var entry = z.getEntry(name);
                return entry == null ? "" : new String(z.getInputStream(entry).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
