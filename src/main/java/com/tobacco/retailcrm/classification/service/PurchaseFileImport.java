package com.tobacco.retailcrm.classification.service;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.UploadedSheets;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 购进导入 — a file from the distribution system: CSV (UTF-8 with or without BOM, or GBK/GB18030 as Excel saves it in
 * China) or .xlsx, told apart by content and read as a stream by the archive's {@link UploadedSheets}; header row of
 * the API's field names or the Chinese labels; written chunk by chunk under the same rules as the JSON API. The file
 * is one transaction: a file that cannot be read (broken quoting, not a sheet, missing column) saves nothing. Error
 * indexes are the file's row numbers (the header is row 1); blank rows are skipped. At most {@link #MAX_ERRORS}
 * errors are listed; {@code rejected} still counts every refused row.
 */
@Service
public class PurchaseFileImport {

    static final int CHUNK = 5_000;
    public static final int MAX_ERRORS = 1_000;

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("orderno", "orderNo"), Map.entry("订单号", "orderNo"), Map.entry("订单编号", "orderNo"),
            Map.entry("customercode", "customerCode"), Map.entry("客户代码", "customerCode"), Map.entry("客户编码", "customerCode"),
            Map.entry("orderdate", "orderDate"), Map.entry("订货日期", "orderDate"), Map.entry("订单日期", "orderDate"),
            Map.entry("qty", "qty"), Map.entry("数量", "qty"), Map.entry("数量(条)", "qty"), Map.entry("数量（条）", "qty"),
            Map.entry("amount", "amount"), Map.entry("金额", "amount"), Map.entry("金额(元)", "amount"),
            Map.entry("金额（元）", "amount"));
    private static final List<String> COLUMNS = List.of("orderNo", "customerCode", "orderDate", "qty", "amount");

    private final PurchaseReceiver receiver;
    private final UploadedSheets sheets;

    private final AuditLog audit;

    PurchaseFileImport(PurchaseReceiver receiver, UploadedSheets sheets, AuditLog audit) {
        this.audit = audit;
        this.receiver = receiver;
        this.sheets = sheets;
    }

    @Transactional
    public PurchaseReceiver.Outcome importFile(Path file, String receivedBy) {
        var reading = new Reading(receivedBy);
        sheets.read(file, reading::row);
        if (reading.positions == null) {
            throw new InvalidInputException("file", "{classification.purchase.error.emptyFile}");
        }
        PurchaseReceiver.Outcome outcome = reading.finish();
        audit.record(AuditEntry.of("PURCHASE_IMPORT", "PURCHASE_IMPORT", null)
                .detail("accepted=" + outcome.accepted() + " rejected=" + outcome.rejected()));
        return outcome;
    }

    /** The state of one file's reading: the header's column positions, the chunk being filled, the outcome so far. */
    private final class Reading {

        private final String receivedBy;
        private final List<PurchaseReceiver.Item> chunk = new ArrayList<>(CHUNK);
        private int[] positions;
        private PurchaseReceiver.Outcome outcome = PurchaseReceiver.Outcome.empty();

        Reading(String receivedBy) {
            this.receivedBy = receivedBy;
        }

        void row(UploadedSheets.Row row) {
            if (row.isBlank()) {
                return;
            }
            if (positions == null) {
                positions = positions(row.cells());
                return;
            }
            List<String> cells = row.cells();
            chunk.add(new PurchaseReceiver.Item(row.number(), cell(cells, positions[0]), cell(cells, positions[1]),
                    cell(cells, positions[2]), cell(cells, positions[3]), cell(cells, positions[4])));
            if (chunk.size() == CHUNK) {
                send();
            }
        }

        PurchaseReceiver.Outcome finish() {
            send();
            return outcome;
        }

        private void send() {
            outcome = capped(outcome.plus(receiver.receive(chunk, receivedBy)));
            chunk.clear();
        }
    }

    private static PurchaseReceiver.Outcome capped(PurchaseReceiver.Outcome o) {
        return o.errors().size() <= MAX_ERRORS ? o
                : new PurchaseReceiver.Outcome(o.accepted(), o.rejected(), List.copyOf(o.errors().subList(0, MAX_ERRORS)));
    }

    private static int[] positions(List<String> header) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i);
            String key = HEADERS.get(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
            if (key != null) {
                found.putIfAbsent(key, i);
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "{classification.purchase.error.missingColumns}");
        }
        return COLUMNS.stream().mapToInt(found::get).toArray();
    }

    private static String cell(List<String> cells, int position) {
        if (position >= cells.size() || cells.get(position) == null) {
            return null;
        }
        String value = cells.get(position).strip();
        return value.isEmpty() ? null : value;
    }
}
