package com.tobacco.retailcrm.classification.domain;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 购进导入 — a CSV file from the distribution system (UTF-8, with or without BOM; header row of the API's field
 * names or the Chinese labels), read as a stream and written chunk by chunk under the same rules as the JSON API.
 * The file is one transaction: a file that cannot be read (bad encoding, broken quoting, missing column) saves
 * nothing. Error indexes are the file's line numbers (the header is line 1). At most {@link #MAX_ERRORS} errors are
 * listed; {@code rejected} still counts every refused line.
 */
@Service
public class PurchaseFileImport {

    static final int CHUNK = 5_000;
    public static final int MAX_ERRORS = 1_000;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true)
            .setIgnoreSurroundingSpaces(true).get();
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("orderno", "orderNo"), Map.entry("订单号", "orderNo"), Map.entry("订单编号", "orderNo"),
            Map.entry("customercode", "customerCode"), Map.entry("客户代码", "customerCode"), Map.entry("客户编码", "customerCode"),
            Map.entry("orderdate", "orderDate"), Map.entry("订货日期", "orderDate"), Map.entry("订单日期", "orderDate"),
            Map.entry("qty", "qty"), Map.entry("数量", "qty"), Map.entry("数量(条)", "qty"), Map.entry("数量（条）", "qty"),
            Map.entry("amount", "amount"), Map.entry("金额", "amount"), Map.entry("金额(元)", "amount"),
            Map.entry("金额（元）", "amount"));
    private static final List<String> COLUMNS = List.of("orderNo", "customerCode", "orderDate", "qty", "amount");

    private final PurchaseReceiver receiver;

    PurchaseFileImport(PurchaseReceiver receiver) {
        this.receiver = receiver;
    }

    @Transactional
    public PurchaseReceiver.Outcome importCsv(InputStream in, String receivedBy) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new InvalidInputException("file", "{classification.purchase.error.emptyFile}");
            }
            int[] positions = positions(records.next());
            PurchaseReceiver.Outcome outcome = PurchaseReceiver.Outcome.empty();
            List<PurchaseReceiver.Item> chunk = new ArrayList<>(CHUNK);
            while (records.hasNext()) {
                CSVRecord r = records.next();
                chunk.add(new PurchaseReceiver.Item(r.getRecordNumber(), cell(r, positions[0]), cell(r, positions[1]),
                        cell(r, positions[2]), cell(r, positions[3]), cell(r, positions[4])));
                if (chunk.size() == CHUNK) {
                    outcome = capped(outcome.plus(receiver.receive(chunk, receivedBy)));
                    chunk.clear();
                }
            }
            return capped(outcome.plus(receiver.receive(chunk, receivedBy)));
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (CharacterCodingException e) {
            throw unreadable(e);
        }
    }

    private static InvalidInputException unreadable(Throwable cause) {
        return new InvalidInputException("file", cause instanceof CharacterCodingException
                ? "{classification.purchase.error.encoding}" : "{classification.purchase.error.csvSyntax}");
    }

    private static PurchaseReceiver.Outcome capped(PurchaseReceiver.Outcome o) {
        return o.errors().size() <= MAX_ERRORS ? o
                : new PurchaseReceiver.Outcome(o.accepted(), o.rejected(), List.copyOf(o.errors().subList(0, MAX_ERRORS)));
    }

    private static int[] positions(CSVRecord header) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = HEADERS.get(header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
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

    private static String cell(CSVRecord r, int position) {
        return position < r.size() ? r.get(position) : null;
    }
}
