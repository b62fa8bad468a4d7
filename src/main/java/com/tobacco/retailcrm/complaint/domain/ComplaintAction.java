package com.tobacco.retailcrm.complaint.domain;

/** What can happen to a complaint, as its timeline records it (the first eight are people's actions). */
public enum ComplaintAction {
    INTAKE, ASSIGN, RESPOND, PAUSE, RESUME, RESOLVE, CALLBACK, CLOSE, LINK, ESCALATE
}
