/**
 * 考核指标: the customer managers' monthly indicators and the leaders' dashboard, summed from each module's counts
 * (archive, change requests, visits, complaints, surveys) and this module's daily order facts.
 */
package com.tobacco.retailcrm.report.kpi;
