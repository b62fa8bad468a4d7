package com.tobacco.retailcrm.workflow.api;

import java.util.List;
import java.util.Optional;

/**
 * A source of to-do items kept outside the process engine (scheduled upkeep tasks, complaints), so that
 * {@code GET /api/v1/tasks} lists them beside the engine's tasks and {@code POST /api/v1/tasks/{id}/complete} reaches
 * them. Task ids of a source start with its {@link #prefix()} (e.g. {@code UP-17}), never clashing with engine ids.
 * The task API merges every bean of this type.
 */
public interface TaskSource {

    /** The prefix of this source's task ids, e.g. {@code UP-}. */
    String prefix();

    /** The open items the signed-in user may complete; {@code overdue} null for all. */
    List<TaskView> myTasks(Boolean overdue);

    /**
     * The open items within the signed-in user's oversight (their data scope: a county head's county, a market
     * manager's team, a department's company), whoever may complete them; {@code GET /api/v1/tasks?mine=false} shows
     * those of them the user may not complete themselves. {@code overdue} null for all. None by default.
     */
    default List<TaskView> tasksInScope(Boolean overdue) {
        return List.of();
    }

    /** The page where the item with this case id is handled; empty when it is completed right on the to-do page. */
    default Optional<String> pageOf(long caseId) {
        return Optional.empty();
    }

    /**
     * Completes an item of this source as the signed-in user (403 wrong person, 400/422 bad action) and answers what
     * the item looks like afterwards.
     */
    TaskOutcome complete(String taskId, TaskCompletion completion);

    /** The number after this source's prefix in one of its task ids; 404 with {@code notFoundKey} when there is none. */
    default long idOf(String taskId, String notFoundKey) {
        try {
            return Long.parseLong(taskId.substring(prefix().length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new com.tobacco.retailcrm.shared.api.NotFoundException(notFoundKey, taskId);
        }
    }
}
