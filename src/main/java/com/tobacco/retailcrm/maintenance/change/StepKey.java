package com.tobacco.retailcrm.maintenance.change;

import java.util.Set;

/**
 * One kind of step of a change request: who performs it and which actions it takes. A DECIDE step approves or
 * rejects; an APPLY step writes the archive (DONE) or rejects; APPROVE_AND_APPLY approves a bulk file and so applies
 * it; an ACKNOWLEDGE step confirms, with a comment where it records something (the customer's notification).
 */
public enum StepKey {
    /** 县局审核: the county head of the customer's county checks the request. */
    COUNTY_CHECK(Performer.COUNTY_HEAD, Kind.DECIDE),
    /** 客户经理审核: the customer's manager reviews a phone change the customer applied for. */
    MANAGER_REVIEW(Performer.CUSTOMER_MANAGER, Kind.DECIDE),
    /** 客户经理确认: the customer's manager confirms an attribute change against the standard. */
    MANAGER_CONFIRM(Performer.CUSTOMER_MANAGER, Kind.DECIDE),
    /** 市场经理审批: the manager's market manager approves. */
    MARKET_MANAGER_APPROVE(Performer.MARKET_MANAGER, Kind.DECIDE),
    /** 部门审批: the department owning the order cycle or route approves. */
    DEPT_APPROVE(Performer.DEPARTMENT, Kind.DECIDE),
    /** 市场部维护: the market department applies the change to the archive. */
    MARKET_APPLY(Performer.MARKET_DEPT, Kind.APPLY),
    /** 县局确认: the county confirms the applied change. */
    COUNTY_CONFIRM(Performer.COUNTY_HEAD, Kind.ACKNOWLEDGE),
    /** 告知客户: the customer's manager tells the retailer and records how. */
    CUSTOMER_NOTIFY(Performer.CUSTOMER_MANAGER, Kind.ACKNOWLEDGE),
    /** 市场部负责人审批: another market-department user approves a bulk file; approving applies it as one batch. */
    BULK_APPROVE(Performer.MARKET_DEPT, Kind.APPROVE_AND_APPLY),
    /** 县局复核: each county whose customers a bulk change touched reviews the result. */
    COUNTY_REVIEW(Performer.COUNTY_HEAD, Kind.ACKNOWLEDGE);

    /** Who a step is for; resolved per request by {@link StepAssignment}. */
    public enum Performer { COUNTY_HEAD, CUSTOMER_MANAGER, MARKET_MANAGER, DEPARTMENT, MARKET_DEPT }

    /** What a step does, deciding the actions it takes. */
    public enum Kind {
        DECIDE(Set.of("APPROVE", "REJECT")), APPLY(Set.of("DONE", "REJECT")),
        APPROVE_AND_APPLY(Set.of("APPROVE", "REJECT")), ACKNOWLEDGE(Set.of("DONE"));

        private final Set<String> actions;

        Kind(Set<String> actions) {
            this.actions = actions;
        }

        public Set<String> actions() {
            return actions;
        }
    }

    private final Performer performer;
    private final Kind kind;

    StepKey(Performer performer, Kind kind) {
        this.performer = performer;
        this.kind = kind;
    }

    public Performer performer() {
        return performer;
    }

    public Kind kind() {
        return kind;
    }
}
