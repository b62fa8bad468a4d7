/**
 * 流程与待办 — the engine: cases that move through steps with working-time limits (on the Flowable BPMN engine), the
 * to-do list of each user, AB岗 delegation of tasks, overdue flagging with notifications, and the case API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "calendar :: api", "org :: api",
        "security :: api", "shared"})
package com.tobacco.retailcrm.workflow;
