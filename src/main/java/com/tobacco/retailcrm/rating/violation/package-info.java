/**
 * 违规记录 — violations recorded by monopoly officers, their correction, and the archive's SYSTEM field
 * {@code lawAbidingStatus} derived from them (kept current on every change and daily as old ones age out).
 */
package com.tobacco.retailcrm.rating.violation;
