/**
 * 定期维护 — scheduled upkeep tasks (half-year review, quarterly adjustment, licence expiry, monthly classification
 * report), created once per subject and period by jobs that run on one app instance at a time (ShedLock).
 */
package com.tobacco.retailcrm.maintenance.upkeep;
