package com.tobacco.retailcrm.complaint.domain;

/** 紧急程度 — normal, urgent, major (重大); decides the time limits and the callbacks required. */
public enum Priority {
    NORMAL, URGENT, MAJOR
}
