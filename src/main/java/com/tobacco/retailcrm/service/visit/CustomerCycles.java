package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.customer.api.CustomerFacts;

/**
 * The SQL that gives each customer its visit cycle: the archive's {@code visitCycle}, else the default of its business
 * scale, else the default for unclassified customers. Used as a sub-select by coverage, week plan and care.
 */
public final class CustomerCycles {

    /** Columns of {@link CustomerFacts#SERVICE_VIEW} as {@code f.*} plus {@code cycle}; no scope, every status. */
    public static final String SQL = "select f.*, coalesce(f.visit_cycle, d.cycle, u.cycle) as cycle from "
            + CustomerFacts.SERVICE_VIEW + " f left join visit_cycle_default d on d.scale = f.business_scale "
            + "cross join (select cycle from visit_cycle_default where scale = 'UNCLASSIFIED') u";

    private CustomerCycles() {
    }
}
