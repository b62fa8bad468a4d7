package com.tobacco.retailcrm.maintenance.upkeep;

/** The kinds of scheduled upkeep task (定期维护任务). */
public enum UpkeepKind {
    /** 静态字段半年复核: one per ACTIVE customer per half-year, for its manager. */
    HALF_YEAR_REVIEW,
    /** 季度调整提醒: one per customer manager per quarter, for their customers' QUARTERLY fields. */
    QUARTERLY_ADJUSTMENT,
    /** 许可证到期提醒: 30 days before a licence expires. */
    LICENCE_EXPIRY,
    /** 年审提醒: 30 days before the annual review date. */
    ANNUAL_REVIEW,
    /** 零售客户类别调整情况表: the market department's monthly report, due on the 3rd of the next month. */
    MONTHLY_CLASS_REPORT
}
