package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.customer.api.ChangeSource;
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
 * dooms that transaction), the chunk is rolled back and written again one row per transaction, so a bad row never
 * takes a good one with it and never leaves half of itself behind.
 */
@Component
class ChunkWriter {

    private static final Logger log = LoggerFactory.getLogger(ChunkWriter.class);

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

    List<RowResult> write(List<ImportRow> chunk, Map<String, ImportField> fields, ChangeSource source, Locale locale) {
        try {
            return transaction.execute(status -> {
                Set<String> existing = existingCodes(chunk);
                // new codes (first time in the chunk) go to the set-based creation, the rest one by one after it
                Set<String> fresh = new HashSet<>();
                List<ImportRow> creations = new ArrayList<>();
                List<ImportRow> oneByOne = new ArrayList<>();
                for (ImportRow row : chunk) {
                    String code = row.customerCode();
                    (code != null && !existing.contains(code) && fresh.add(code) ? creations : oneByOne).add(row);
                }
                List<ImportRow> deferred = new ArrayList<>();
                List<RowResult> results = new ArrayList<>(rows.createAll(creations, fields, source, deferred));
                Map<Integer, String> codeOfRow = new HashMap<>();
                creations.forEach(r -> codeOfRow.put(r.number(), r.customerCode()));
                results.stream().filter(r -> r.outcome() == RowResult.Outcome.CREATED)
                        .forEach(r -> existing.add(codeOfRow.get(r.row())));
                deferred.addAll(oneByOne);
                deferred.sort(Comparator.comparingInt(ImportRow::number));
                for (ImportRow row : deferred) {
                    List<FieldProblem> problems = new ArrayList<>();
                    RowResult.Outcome outcome = rows.write(row, fields, source,
                            existing.contains(row.customerCode()), problems);
                    results.add(new RowResult(row.number(), outcome, problems));
                    if (outcome == RowResult.Outcome.CREATED) {
                        existing.add(row.customerCode());
                    }
                }
                results.sort(Comparator.comparingInt(RowResult::row));
                return results;
            });
        } catch (RuntimeException e) {
            if (chunk.size() == 1) {
                return List.of(RowResult.failed(chunk.get(0).number(), problemsOf(e, locale)));
            }
            List<RowResult> results = new ArrayList<>(chunk.size());
            for (ImportRow row : chunk) {
                results.addAll(write(List.of(row), fields, source, locale));
            }
            return results;
        }
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
