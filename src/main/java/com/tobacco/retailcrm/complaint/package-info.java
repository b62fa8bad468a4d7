/**
 * 投诉与反馈 — complaints of retailers: intake with a first-contact owner, time limits with pause and escalation,
 * staff-conduct routing, three-level callbacks, the timeline and the monthly analysis (docs/domain/complaint.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer :: api", "org :: api",
        "security :: api", "workflow :: api", "rating :: api", "shared"})
package com.tobacco.retailcrm.complaint;
