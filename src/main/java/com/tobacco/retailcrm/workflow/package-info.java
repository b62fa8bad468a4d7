/**
 * 流程与待办 — cases with time limits on the working calendar: onboarding, change requests (修改维护任务单) and
 * scheduled upkeep tasks, and the to-do list that shows every open step with its due time.
 */
package com.tobacco.retailcrm.workflow;
