/**
 * What other modules may use of the workflows: {@link com.tobacco.retailcrm.workflow.api.Workflows} to start and read
 * cases, {@link com.tobacco.retailcrm.workflow.api.CaseStepHandler} to give a case type its step effects,
 * {@link com.tobacco.retailcrm.workflow.api.TaskCompleter} to complete a case type's tasks through its own service,
 * {@link com.tobacco.retailcrm.workflow.api.TaskSource} to add to-do items kept outside the engine (each answering its
 * completion with its own {@link com.tobacco.retailcrm.workflow.api.TaskOutcome}), the
 * {@link com.tobacco.retailcrm.workflow.api.TaskOverdue} event and {@link com.tobacco.retailcrm.workflow.api.Notifications}.
 * No engine type is ever exposed.
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.workflow.api;
