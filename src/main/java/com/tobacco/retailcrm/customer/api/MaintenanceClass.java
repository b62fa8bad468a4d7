package com.tobacco.retailcrm.customer.api;

/** How a field is kept up to date (静态/季度调整/实时调整/系统自动生成); SYSTEM fields are never typed by people. */
public enum MaintenanceClass {
    STATIC, QUARTERLY, REALTIME, SYSTEM
}
