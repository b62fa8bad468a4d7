/**
 * Complaints over HTTP (docs/api.md, complaint) and the Chinese pages: intake, list, a complaint with its timeline and
 * actions, the monthly report with charts and Excel export.
 */
package com.tobacco.retailcrm.complaint.web;
