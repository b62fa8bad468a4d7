package com.tobacco.retailcrm.workflow.api;

import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 流程 — cases and tasks for other modules. All methods run as the signed-in user and join the caller's transaction.
 *
 * <p>Step rules live in the case type's BPMN file ({@code resources/processes/<type>.bpmn20.xml}): each user task has
 * {@code crm:step} (its number), {@code crm:actions} (the actions it accepts, e.g. {@code APPROVE,SEND_BACK}),
 * {@code flowable:candidateGroups="ROLE@${scopeOrgUnitId}"} (or {@code ROLE@${companyOrgUnitId}} for company-wide
 * departments; {@code ${roleVariable}@${unitVariable}} for a role known only at start; or {@code flowable:assignee},
 * with a candidate group beside it as the fallback when the assignee expression gives null),
 * {@code flowable:dueDate="1 WORKING_DAY"} or {@code "${limit_X}"} (a start variable holding such a limit, so limits
 * stay configurable) with {@code flowable:businessCalendarName="working"} (units of
 * {@link com.tobacco.retailcrm.calendar.api.WorkTimeUnit}), and optionally {@code crm:notByInitiator="true"} (four
 * eyes: whoever started the case never takes that step).
 * After each completion the process variable {@code action} holds the {@link TaskAction} name for gateways, and
 * {@code initiator} the starter. A SEND_BACK must be routed by the process to the previous step.
 */
public interface Workflows {

    /** Opens a case as the current user and starts its process; returns it with its first task(s) open. */
    CaseView start(StartCase request);

    /** The case, within the caller's view (participants, or those whose role scope covers it); empty otherwise. */
    Optional<CaseView> find(long caseId);

    /** Cases of a type (null for all) visible to the caller, newest first. */
    PageResponse<CaseSummary> cases(String caseType, PageQuery page);

    /** The open tasks the caller may complete (own, role within scope, or as AB岗 backup today); overdue null = all. */
    List<TaskView> myTasks(Boolean overdue);

    /** The open tasks of the open cases the caller may see (see {@link #find}), whoever may complete them. */
    List<TaskView> tasksInScope(Boolean overdue);

    /** The open tasks of a case, whoever may complete them (multi-instance steps: one per instance). */
    List<TaskView> openTasks(long caseId);

    /**
     * An open task, whoever may complete it; empty when there is none. Like {@link #openTasks} and {@link #trail} it
     * does not apply {@link #find}'s view: a module with its own visibility rules (change requests) checks them.
     */
    Optional<TaskView> task(String taskId);

    /** The completed tasks of a case, in order. */
    List<TrailEntry> trail(long caseId);

    /**
     * Completes a task as the current user: claims it, checks role/scope (403) and the action (422), runs the case
     * type's handler, records the trail (with acting-for under AB岗) and moves the process on.
     *
     * @return the case afterwards
     */
    CaseView complete(String taskId, TaskCompletion completion);

    /** When the case's steps would be due if the step limits ran from {@code from} (for previews and tests). */
    Instant dueFrom(Instant from, String limit);
}
