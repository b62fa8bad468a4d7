package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.maintenance.fields.ArchiveCaseFields;
import com.tobacco.retailcrm.maintenance.fields.ArchiveCaseHandler;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.StepContext;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TrailEntry;
import com.tobacco.retailcrm.workflow.api.WorkflowClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 修改维护任务单 as a case type of the engine: each {@link ChangeType} runs its own process
 * ({@code processes/change-<type>.bpmn20.xml}), and this handler gives the steps their effects — the market department's
 * 维护 writes the archive (refused when a field it changes was changed since), a bulk approval applies the file and
 * names the counties that review it, the customer's notification is recorded — and closes the request when its
 * process ends. The request's data stays in the change_request tables under the case's id.
 */
@Component
class ChangeRequestFlow extends ArchiveCaseHandler {

    static final String CASE_TYPE = "CHANGE_REQUEST";

    /** The process variable a bulk file's county reviews run over (one parallel task per county). */
    static final String COUNTIES = "counties";

    private final ChangeRequestStore store;
    private final CustomerArchive archive;
    private final StaleCheck staleCheck;
    private final BulkApplier bulk;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final WorkflowClock clock;

    ChangeRequestFlow(ChangeRequestStore store, CustomerArchive archive, StaleCheck staleCheck,
                      BulkApplier bulk, ApplicationEventPublisher events, Messages messages, WorkflowClock clock,
                      ArchiveCaseFields fields) {
        super(fields);
        this.store = store;
        this.archive = archive;
        this.staleCheck = staleCheck;
        this.bulk = bulk;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** The process a type runs: {@code CHANGE_GENERAL}, {@code CHANGE_PHONE}, … */
    static String processKey(ChangeType type) {
        return "CHANGE_" + type.name();
    }

    @Override
    public String caseType() {
        return CASE_TYPE;
    }

    @Override
    public Map<String, Object> onComplete(StepContext context) {
        if (context.action() == TaskAction.REJECT) {
            return Map.of();
        }
        ChangeRequest request = request(context.caseView().id());
        switch (StepKey.valueOf(context.stepKey())) {
            case MARKET_APPLY -> {
                apply(request);
                store.status(request.id(), ChangeRequest.Status.APPLIED);
            }
            case BULK_APPROVE -> {
                bulk.apply(request, store.rows(request.id()));
                store.status(request.id(), ChangeRequest.Status.APPLIED);
            }
            case CUSTOMER_NOTIFY -> {
                String note = context.comment() == null || context.comment().isBlank() ? null : context.comment().strip();
                if (note == null) {
                    throw new InvalidInputException("comment", messages.text("change.error.noticeText"));
                }
                store.addNotice(request.id(), new ChangeRequest.Notice(request.customerCode(), note, context.actor(),
                        clock.now()));
            }
            default -> {
                // deciding and confirming steps only move the request on
            }
        }
        return Map.of();
    }

    /** An approved bulk file is reviewed by each county one of its rows belongs to. */
    @Override
    public Map<String, Object> variablesOnComplete(StepContext context) {
        if (!StepKey.BULK_APPROVE.name().equals(context.stepKey()) || context.action() == TaskAction.REJECT) {
            return Map.of();
        }
        TreeSet<Long> counties = new TreeSet<>();
        store.rows(context.caseView().id()).stream().map(ChangeRequest.BulkRow::countyId).filter(Objects::nonNull)
                .forEach(counties::add);
        return Map.of(COUNTIES, new ArrayList<>(counties));
    }

    /** The process ended: the request is completed, or rejected with the reason the rejecting step gave. */
    @Override
    public void onEnd(CaseView finished) {
        ChangeRequest request = request(finished.id());
        boolean rejected = "REJECTED".equals(finished.status());
        String outcome = rejected ? finished.trail().stream().reduce((a, b) -> b).map(TrailEntry::comment).orElse(null)
                : null;
        ChangeRequest.Status status = rejected ? ChangeRequest.Status.REJECTED : ChangeRequest.Status.COMPLETED;
        store.close(request.id(), status, outcome, finished.endedAt());
        events.publishEvent(new ChangeRequestDecided(request.id(), request.requester(), status.name(), outcome));
    }

    @Override
    public String pageOf(long caseId) {
        return "/change-requests/" + caseId;
    }

    private ChangeRequest request(long id) {
        return store.find(id, true).orElseThrow(() -> new IllegalStateException("case " + id + " has no change request"));
    }

    /**
     * Writes the request to the archive, refusing it when a field it changes was changed since it was raised (the
     * stored value's fingerprint differs from the one captured then). Changes to other fields do not block it.
     */
    private void apply(ChangeRequest request) {
        staleCheck.staleLabels(request.customerCode(), request.fingerprints()).ifPresent(labels -> {
            throw new BusinessRuleException("change.error.stale", request.id(), labels);
        });
        Objects.requireNonNull(archive.applyChanges(request.customerCode(), new LinkedHashMap<>(request.changes()),
                null, ChangeSource.changeRequest(request.id()), request.reason()));
    }
}
