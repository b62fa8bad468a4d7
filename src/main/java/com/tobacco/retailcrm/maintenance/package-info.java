/**
 * 档案维护 — the archive's cases on the workflow engine: onboarding of new retailers (新入网), change requests
 * (修改维护任务单) with bulk changes, and the scheduled upkeep tasks (定期维护).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "calendar :: api", "customer :: api",
        "org :: api", "security :: api", "workflow :: api", "shared"})
package com.tobacco.retailcrm.maintenance;
