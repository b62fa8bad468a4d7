/**
 * 订货日数据: daily order facts per customer in by API or by an uploaded CSV/xlsx file, one row per customer and day
 * (a resend replaces it), each bad row refused with the rule it breaks.
 */
package com.tobacco.retailcrm.report.orders;
