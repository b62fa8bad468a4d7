/**
 * 流程与待办 — cases that move through steps with working-time limits (on the Flowable BPMN engine), the to-do list
 * of each user, AB岗 delegation of tasks, overdue flagging with notifications, and the onboarding (新入网) case.
 */
package com.tobacco.retailcrm.workflow;
