package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.customer.api.AppliedChanges;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量生效 — applies an approved bulk file as one batch: each row in its own transaction so a row that fails (stale,
 * no longer valid, customer cancelled) is reported with its reason while the others are written, and the per-row
 * result is kept on the request.
 */
@Component
class BulkApplier {

    private final CustomerArchive archive;
    private final CustomerFields fields;
    private final StaleCheck stale;
    private final ChangeRequestStore store;
    private final Messages messages;
    private final TransactionTemplate eachRow;

    BulkApplier(CustomerArchive archive, CustomerFields fields, StaleCheck stale, ChangeRequestStore store,
                Messages messages, PlatformTransactionManager transactions) {
        this.archive = archive;
        this.fields = fields;
        this.stale = stale;
        this.store = store;
        this.messages = messages;
        this.eachRow = new TransactionTemplate(transactions);
        this.eachRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Applies every row and records its result; returns the counties of the rows (each reviews its part). */
    Set<Long> apply(ChangeRequest request, List<ChangeRequest.BulkRow> rows) {
        Set<Long> counties = new TreeSet<>();
        for (ChangeRequest.BulkRow row : rows) {
            if (row.countyId() != null) {
                counties.add(row.countyId());
            }
            String[] outcome = applyRow(request, row);
            store.rowResult(request.id(), row.rowNo(), outcome[0], outcome[1]);
        }
        return counties;
    }

    private String[] applyRow(ChangeRequest request, ChangeRequest.BulkRow row) {
        try {
            AppliedChanges applied = eachRow.execute(tx -> {
                List<String> changed = stale.staleFields(row.customerCode(), row.fingerprints());
                if (!changed.isEmpty()) {
                    throw new BusinessRuleException("change.error.stale", request.id(), labels(changed));
                }
                return archive.applyChanges(row.customerCode(), new LinkedHashMap<>(row.changes()), null,
                        ChangeSource.changeRequest(request.id()), request.reason());
            });
            return applied == null || applied.unchanged() ? new String[] {"UNCHANGED", null} : new String[] {"APPLIED", null};
        } catch (InvalidInputException e) {
            return failed(e.problems().stream().map(p -> p.field() + ": " + messages.text(p.message()))
                    .collect(Collectors.joining("; ")));
        } catch (BusinessRuleException e) {
            return failed(messages.text(e.getMessage(), e.args()));
        } catch (ConflictException | NotFoundException e) {
            return failed(messages.text(e.getMessage()));
        }
    }

    private static String[] failed(String message) {
        return new String[] {"FAILED", message.length() > 1000 ? message.substring(0, 1000) : message};
    }

    private String labels(List<String> keys) {
        return keys.stream().map(k -> fields.find(k).map(f -> f.label(LocaleContextHolder.getLocale())).orElse(k))
                .collect(Collectors.joining("、"));
    }
}
