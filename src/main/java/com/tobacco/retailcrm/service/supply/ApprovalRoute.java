package com.tobacco.retailcrm.service.supply;

import java.math.BigDecimal;

/**
 * 审批路线 (seed 002 §3.4): a request of up to the threshold in 条 is approved by 客服部主任, a larger one by
 * 营销中心副经理; a special one (特殊情况, a top-up outside the order day) is reviewed by the customer's 市场经理 first and
 * then approved by 营销中心副经理, whatever its quantity.
 */
enum ApprovalRoute {
    SERVICE_HEAD("SERVICE_HEAD"),
    MARKETING_DEPUTY("MARKETING_DEPUTY"),
    SPECIAL("MARKETING_DEPUTY");

    private final String approverRole;

    ApprovalRoute(String approverRole) {
        this.approverRole = approverRole;
    }

    static ApprovalRoute of(boolean special, BigDecimal totalQty, int serviceHeadMaxQty) {
        if (special) {
            return SPECIAL;
        }
        return totalQty.compareTo(BigDecimal.valueOf(serviceHeadMaxQty)) <= 0 ? SERVICE_HEAD : MARKETING_DEPUTY;
    }

    /** The role whose approval ends the request. */
    String approverRole() {
        return approverRole;
    }
}
