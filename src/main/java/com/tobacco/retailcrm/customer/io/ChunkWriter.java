package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.domain.CustomerBatchUpdate;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of rows so that each row is all-or-nothing while a chunk of good rows costs one commit and one
 * look-up of which codes exist: the whole chunk runs in one transaction; when the archive refuses a row (which
 * dooms that transaction), the chunk is rolled back and written again in halves, down to one row per transaction
 * (see {@link #writeInParts}), so a bad row never takes a good one with it and never leaves half of itself behind.
 */
@Component
class ChunkWriter {

    private static final Logger log = LoggerFactory.getLogger(ChunkWriter.class);
    /** A refused part of at most this many rows is written one row per transaction rather than halved again. */
    static final int ONE_BY_ONE = 16;

    private final CustomerRowWriter rows;
    private final TransactionTemplate transaction;
    private final Messages messages;
    private final JdbcTemplate jdbc;

    ChunkWriter(CustomerRowWriter rows, PlatformTransactionManager transactions, Messages messages, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Prepares and writes a chunk at once: {@link #prepare} then {@link #write(PreparedChunk, Locale)}. */
    List<RowResult> write(List<ImportRow> chunk, Map<String, ImportField> fields, ChangeSource source, Locale locale) {
        return write(prepare(chunk, fields, source), locale);
    }

    /**
     * Everything about a chunk that needs no transaction: which rows look new (codes the archive does not have
     * yet, each code's first row in the chunk) and those rows settled, validated and rendered for one COPY. The
     * importer prepares the next chunk while the previous one is written. Which codes exist is only a hint here
     * (an earlier chunk may still be writing one); {@link #write(PreparedChunk, Locale)} asks again.
     */
    PreparedChunk prepare(List<ImportRow> chunk, Map<String, ImportField> fields, ChangeSource source) {
        Set<String> existing = existingCodes(chunk);
        Set<String> fresh = new HashSet<>();
        List<ImportRow> creations = new ArrayList<>();
        List<ImportRow> oneByOne = new ArrayList<>();
        for (ImportRow row : chunk) {
            String code = row.customerCode();
            (code != null && !existing.contains(code) && fresh.add(code) ? creations : oneByOne).add(row);
        }
        return new PreparedChunk(List.copyOf(chunk), fields, source, rows.prepareCreations(creations, fields, source),
                oneByOne);
    }

    /** A chunk ready to be written, see {@link #prepare}. */
    record PreparedChunk(List<ImportRow> rows, Map<String, ImportField> fields, ChangeSource source,
                         CustomerRowWriter.PreparedCreations creations, List<ImportRow> oneByOne) {

        /**
         * Whether writing it changes customers that exist or creates them one by one, statement after statement:
         * such a transaction takes the gram counters' locks in more than one go and could deadlock with another
         * chunk's, so it is written alone. A chunk of new customers only takes them in one sorted statement.
         */
        boolean writtenAlone() {
            return !oneByOne.isEmpty() || creations.deferred();
        }
    }

    /** Writes a prepared chunk: one transaction for all its rows, or in parts when the archive refuses one. */
    List<RowResult> write(PreparedChunk chunk, Locale locale) {
        try {
            return writeWhole(chunk);
        } catch (RuntimeException e) {
            return writeInParts(chunk, e, locale);
        }
    }

    /**
     * Writes the whole chunk in one transaction; throws when the archive refuses one of its rows (the transaction
     * is then rolled back and nothing of the chunk is written).
     */
    List<RowResult> writeWhole(PreparedChunk chunk) {
        return transaction.execute(status -> {
            Set<String> existing = existingCodes(chunk.rows());
            List<ImportRow> deferred = new ArrayList<>();
            List<RowResult> results = new ArrayList<>(rows.writeCreations(chunk.creations(), deferred));
            Map<Integer, String> codeOfRow = new HashMap<>();
            chunk.rows().forEach(r -> codeOfRow.put(r.number(), r.customerCode()));
            results.stream().filter(r -> r.outcome() == RowResult.Outcome.CREATED)
                    .forEach(r -> existing.add(codeOfRow.get(r.row())));
            // a code another writer created meanwhile is deferred by the creation: that row updates the customer
            if (!deferred.isEmpty()) {
                existing.addAll(existingCodes(deferred));
            }
            deferred.addAll(chunk.oneByOne());
            deferred.sort(Comparator.comparingInt(ImportRow::number));
            // the customers the rows update, locked in one statement, their changes written together at the end
            CustomerBatchUpdate.Batch batch = rows.lockForUpdate(
                    deferred.stream().map(ImportRow::customerCode).filter(existing::contains).distinct().toList());
            for (ImportRow row : deferred) {
                List<FieldProblem> problems = new ArrayList<>();
                RowResult.Outcome outcome = rows.write(row, chunk.fields(), chunk.source(),
                        existing.contains(row.customerCode()), batch, problems);
                results.add(new RowResult(row.number(), outcome, problems));
                if (outcome == RowResult.Outcome.CREATED) {
                    existing.add(row.customerCode());
                }
            }
            batch.write();
            results.sort(Comparator.comparingInt(RowResult::row));
            return results;
        });
    }

    /**
     * After {@link #writeWhole} was refused with {@code refusal}: the chunk in halves, each in a transaction of its own
     * and halved again when refused, down to one row per transaction for a part of {@link #ONE_BY_ONE} rows or fewer.
     * A bad row so takes no good one with it, and one bad row in a chunk of 2,000 costs about twenty transactions,
     * not 2,000. The halves are written in file order, so a later row still sees what an earlier one wrote.
     */
    List<RowResult> writeInParts(PreparedChunk chunk, RuntimeException refusal, Locale locale) {
        List<ImportRow> rows = chunk.rows();
        if (rows.size() == 1) {
            return List.of(RowResult.failed(rows.get(0).number(), problemsOf(refusal, locale)));
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        for (List<ImportRow> part : parts(rows)) {
            results.addAll(write(part, chunk.fields(), chunk.source(), locale));
        }
        return results;
    }

    /** The parts a refused chunk of these rows is written in again: halves, or single rows when it is small. */
    static <T> List<List<T>> parts(List<T> rows) {
        return rows.size() <= ONE_BY_ONE ? rows.stream().map(List::of).toList()
                : List.of(rows.subList(0, rows.size() / 2), rows.subList(rows.size() / 2, rows.size()));
    }

    /** Which of the chunk's codes the archive already has, in one query instead of one per row. */
    private Set<String> existingCodes(List<ImportRow> chunk) {
        String[] codes = chunk.stream().map(ImportRow::customerCode).filter(c -> c != null).distinct()
                .toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("select customer_code from customer where customer_code = any(?)",
                String.class, (Object) codes));
    }

    /** A refusal as the row's problems, in the error model of the API, messages in the importer's language. */
    private List<FieldProblem> problemsOf(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems();
        }
        if (e instanceof ConflictException conflict) {
            return List.of(new FieldProblem(conflict.field(), messages.text(locale, conflict.getMessage(), conflict.args())));
        }
        if (e instanceof ForbiddenException forbidden) {
            return forbidden.problems().isEmpty() ? List.of(new FieldProblem("customerCode",
                    messages.text(locale, forbidden.getMessage(), forbidden.args()))) : forbidden.problems();
        }
        if (e instanceof BusinessRuleException rule) {
            return List.of(new FieldProblem("customerCode", messages.text(locale, rule.getMessage(), rule.args())));
        }
        if (e instanceof NotFoundException notFound) {
            return List.of(new FieldProblem("customerCode", messages.text(locale, notFound.getMessage(), notFound.args())));
        }
        if (e instanceof DataAccessException) {
            log.warn("import row refused by the database", e);
        } else {
            log.error("import row failed unexpectedly", e);
        }
        return List.of(new FieldProblem("customerCode", "{customer.import.error.database}"));
    }
}
