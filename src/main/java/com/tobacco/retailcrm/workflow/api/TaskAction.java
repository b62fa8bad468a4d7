package com.tobacco.retailcrm.workflow.api;

/** What the person completing a task decides. Which actions a step accepts is declared in its BPMN user task. */
public enum TaskAction {
    APPROVE, REJECT, SEND_BACK, DONE
}
