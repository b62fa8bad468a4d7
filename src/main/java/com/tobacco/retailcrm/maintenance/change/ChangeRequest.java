package com.tobacco.retailcrm.maintenance.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 修改维护任务单 — a request to change a customer's fields (or, for BULK, many customers' fields from a file).
 * {@code oldValues} are the values as the requester saw them when raising it (sensitive ones masked);
 * {@code fingerprints} are keyed hashes of the stored values then, compared at apply to refuse a stale request.
 */
public record ChangeRequest(long id, ChangeType type, Status status, String customerCode, Long countyId,
                            String customerManager, String requester, String requesterName, String reason,
                            Map<String, String> changes, Map<String, String> oldValues,
                            Map<String, String> fingerprints, String outcome, String fileName, Instant createdAt,
                            Instant closedAt, long version) {

    /** OPEN while steps remain; APPLIED once written but a confirmation is still open; COMPLETED; REJECTED. */
    public enum Status { OPEN, APPLIED, COMPLETED, REJECTED }

    /**
     * One step with its assignment, limit and what happened: an open engine task, a completed one from the case's
     * trail, or (requests raised before the engine ran them) a row of the old step table.
     *
     * @param id the engine task id (the old step row's id for those earlier requests)
     */
    public record Step(String id, long requestId, int seq, StepKey key, String candidateRole, Long candidateUnit,
                       String assignee, Instant createdAt, Instant dueAt, String status, String action,
                       String comment, String completedBy, Instant completedAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean overdue(Instant now) {
            return open() ? now.isAfter(dueAt) : completedAt != null && completedAt.isAfter(dueAt);
        }
    }

    /** One row of a bulk file and, once applied, its result (APPLIED, UNCHANGED, FAILED with a message). */
    public record BulkRow(int rowNo, String customerCode, Long countyId, Map<String, String> changes,
                          Map<String, String> oldValues, Map<String, String> fingerprints, String result,
                          String message) {
    }

    /** A notification recorded for the customer (ORDER_CYCLE). */
    public record Notice(String recipient, String message, String createdBy, Instant createdAt) {
    }

    /**
     * A request with its steps (in order), bulk rows and notices.
     *
     * @param mine the ids of its open steps the signed-in user may act on now (none without a signed-in user)
     */
    public record Case(ChangeRequest request, List<Step> steps, List<BulkRow> rows, List<Notice> notices,
                       java.util.Set<String> mine) {

        public List<Step> openSteps() {
            return steps.stream().filter(Step::open).toList();
        }

        /** The open step the signed-in user may act on, if any. */
        public java.util.Optional<Step> myStep() {
            return openSteps().stream().filter(s -> mine.contains(s.id())).findFirst();
        }
    }

    /** The same request under the id of the case that runs it. */
    ChangeRequest withId(long caseId) {
        return new ChangeRequest(caseId, type, status, customerCode, countyId, customerManager, requester, requesterName,
                reason, changes, oldValues, fingerprints, outcome, fileName, createdAt, closedAt, version);
    }

    public boolean closed() {
        return status == Status.COMPLETED || status == Status.REJECTED;
    }
}
