/**
 * 修改维护任务单 — change requests for archive fields outside the requester's direct permission: their types and routes,
 * the steps with due times, the stale check at apply, and bulk changes from a file with a per-row result.
 */
package com.tobacco.retailcrm.maintenance.change;
