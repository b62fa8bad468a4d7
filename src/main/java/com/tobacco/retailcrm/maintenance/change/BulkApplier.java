package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.customer.api.AppliedChanges;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
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
    private final StaleCheck stale;
    private final ChangeRequestStore store;
    private final Messages messages;
    private final TransactionTemplate eachRow;

    BulkApplier(CustomerArchive archive, StaleCheck stale, ChangeRequestStore store,
                Messages messages, PlatformTransactionManager transactions) {
        this.archive = archive;
        this.stale = stale;
        this.store = store;
        this.messages = messages;
        this.eachRow = new TransactionTemplate(transactions);
        this.eachRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Applies every row and records its result. */
    void apply(ChangeRequest request, List<ChangeRequest.BulkRow> rows) {
        for (ChangeRequest.BulkRow row : rows) {
            String[] outcome = applyRow(request, row);
            store.rowResult(request.id(), row.rowNo(), outcome[0], outcome[1]);
        }
    }

    private String[] applyRow(ChangeRequest request, ChangeRequest.BulkRow row) {
        try {
            AppliedChanges applied = eachRow.execute(tx -> {
                stale.staleLabels(row.customerCode(), row.fingerprints()).ifPresent(labels -> {
                    throw new BusinessRuleException("change.error.stale", request.id(), labels);
                });
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
}
