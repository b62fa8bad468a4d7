/**
 * Complaint handling: intake, actions with their access rules, the timeline, escalation of breached limits, the
 * to-do items, the monthly analysis and the demo data, stored with plain SQL.
 */
package com.tobacco.retailcrm.complaint.service;
