package com.tobacco.retailcrm.report.orders;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.UploadedSheets;
import com.tobacco.retailcrm.report.kpi.MonthlyFigures;
import com.tobacco.retailcrm.report.kpi.MonthlyFiguresJob;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores daily order facts with {@code insert … on conflict do update}: sending a customer's day again replaces it,
 * so the distribution system may resend a batch safely. The API takes a batch all or nothing; a file keeps its good
 * rows and reports each bad one with its row number. The months of the days stored are due for the dashboard's
 * monthly figures again ({@link MonthlyFigures#touched}), recomputed right after the commit.
 */
@Service
public class DailyOrders {

    static final int MAX_BATCH = 10_000;

    /** A file's outcome: rows stored and each refused row's problems. */
    public record ImportResult(int stored, List<RowError> errors) {
    }

    public record RowError(int row, String field, String message) {
    }

    private final JdbcTemplate jdbc;
    private final CustomerArchive archive;
    private final UploadedSheets sheets;
    private final AuditLog audit;
    private final Clock clock;
    private final CrmProperties crm;
    private final MonthlyFigures figures;
    private final MonthlyFiguresJob refresh;

    DailyOrders(JdbcTemplate jdbc, CustomerArchive archive, UploadedSheets sheets, AuditLog audit, Clock clock,
                CrmProperties crm, MonthlyFigures figures, MonthlyFiguresJob refresh) {
        this.figures = figures;
        this.refresh = refresh;
        this.jdbc = jdbc;
        this.archive = archive;
        this.sheets = sheets;
        this.audit = audit;
        this.clock = clock;
        this.crm = crm;
    }

    /** One row of the API's body as text, so every field's problem is named the same way as a file's. */
    public record Input(String customerCode, String date, String ordered, String succeeded, String electronic) {
    }

    @Transactional
    public int record(List<Input> rows) {
        if (rows == null || rows.isEmpty() || rows.size() > MAX_BATCH) {
            throw new InvalidInputException("body", "{report.orders.error.batch}");
        }
        LocalDate today = LocalDate.now(clock.withZone(crm.zone()));
        List<FieldProblem> problems = new ArrayList<>();
        List<DailyOrder> orders = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Input in = rows.get(i);
            String prefix = "[" + i + "].";
            Object parsed = in == null ? List.of(new FieldProblem("[" + i + "]", "{report.orders.error.row}"))
                    : DailyOrder.parse(prefix, in.customerCode(), in.date(), in.ordered(), in.succeeded(), in.electronic(), today);
            if (parsed instanceof DailyOrder o) {
                if (!seen.add(o.customerCode() + "|" + o.date())) {
                    problems.add(new FieldProblem(prefix + "date", "{report.orders.error.repeated}"));
                }
                orders.add(o);
                indexes.add(i);
            } else {
                @SuppressWarnings("unchecked") List<FieldProblem> p = (List<FieldProblem>) parsed;
                problems.addAll(p);
            }
        }
        Set<String> known = archive.existing(orders.stream().map(DailyOrder::customerCode).distinct().toList());
        for (int j = 0; j < orders.size(); j++) {
            if (!known.contains(orders.get(j).customerCode())) {
                problems.add(new FieldProblem("[" + indexes.get(j) + "].customerCode",
                        "{report.orders.error.unknownCustomer}"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        upsert(orders);
        audit.record(AuditEntry.of("ORDERS_DAILY_RECEIVE", "ORDER_DAILY", null).detail(orders.size() + " rows"));
        return orders.size();
    }

    /**
     * A file with the columns 客户编码, 日期, 是否订货, 是否成功, 是否电子结算 (or the API's names) in that order after a
     * header row; good rows stored in batches, each bad row reported.
     */
    @Transactional
    public ImportResult importFile(Path file, String fileName) {
        LocalDate today = LocalDate.now(clock.withZone(crm.zone()));
        List<RowError> errors = new ArrayList<>();
        List<DailyOrder> batch = new ArrayList<>();
        List<Integer> batchRows = new ArrayList<>();
        int[] stored = {0};
        sheets.read(file, row -> {
            if (row.number() == 1 || row.isBlank()) {
                return;
            }
            List<String> c = row.cells();
            Object parsed = DailyOrder.parse("", cell(c, 0), cell(c, 1), cell(c, 2), cell(c, 3), cell(c, 4), today);
            if (parsed instanceof DailyOrder o) {
                batch.add(o);
                batchRows.add(row.number());
                if (batch.size() >= 2_000) {
                    stored[0] += flush(batch, batchRows, errors);
                }
            } else {
                @SuppressWarnings("unchecked") List<FieldProblem> p = (List<FieldProblem>) parsed;
                p.forEach(x -> errors.add(new RowError(row.number(), x.field(), x.message())));
            }
        });
        stored[0] += flush(batch, batchRows, errors);
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        audit.record(AuditEntry.of("ORDERS_DAILY_IMPORT", "ORDER_DAILY", null)
                .detail(fileName + ": " + stored[0] + " stored, " + errors.size() + " refused"));
        return new ImportResult(stored[0], errors);
    }

    private int flush(List<DailyOrder> batch, List<Integer> rows, List<RowError> errors) {
        Set<String> known = archive.existing(batch.stream().map(DailyOrder::customerCode).distinct().toList());
        List<DailyOrder> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            DailyOrder o = batch.get(i);
            if (!known.contains(o.customerCode())) {
                errors.add(new RowError(rows.get(i), "customerCode", "{report.orders.error.unknownCustomer}"));
            } else if (seen.add(o.customerCode() + "|" + o.date())) {
                good.add(o);
            } else {
                errors.add(new RowError(rows.get(i), "date", "{report.orders.error.repeated}"));
            }
        }
        upsert(good);
        batch.clear();
        rows.clear();
        return good.size();
    }

    private void upsert(List<DailyOrder> orders) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into order_daily (customer_code, day, ordered, succeeded, electronic, received_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (customer_code, day) do update set ordered = excluded.ordered,
                    succeeded = excluded.succeeded, electronic = excluded.electronic, received_at = excluded.received_at""",
                orders.stream().map(o -> new Object[] {o.customerCode(), Date.valueOf(o.date()), o.ordered(),
                        o.succeeded(), o.electronic(), now}).toList());
        figures.touched(orders.stream().map(DailyOrder::date).distinct().toList());
        refresh.refreshSoon();
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i) : null;
    }
}
