package com.tobacco.retailcrm.workflow.api;

/**
 * What completing an item of a {@link TaskSource} answers: the source's own record, which
 * {@code POST /api/v1/tasks/{id}/complete} writes as it is (its components, in their order, are the JSON's fields).
 * An interface rather than one record because each source answers in its own words — an upkeep task answers the whole
 * task as its own endpoint does, a make-up supply only that it is done — and the wire shapes stay as they are.
 */
public interface TaskOutcome {
}
