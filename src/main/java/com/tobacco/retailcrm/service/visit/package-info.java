/**
 * 拜访 — visit records of customer managers with photos, the visit cycle of each customer (archive field or default by
 * scale), the week plan of due visits, overdue visits as to-dos, and the monthly coverage (拜访覆盖率) in set-based SQL.
 */
package com.tobacco.retailcrm.service.visit;
