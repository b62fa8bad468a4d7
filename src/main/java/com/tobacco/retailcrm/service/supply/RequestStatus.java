package com.tobacco.retailcrm.service.supply;

/** 审批状态: waiting for a step, approved (with its supply date) or rejected at a step. */
enum RequestStatus {
    PENDING, APPROVED, REJECTED
}
