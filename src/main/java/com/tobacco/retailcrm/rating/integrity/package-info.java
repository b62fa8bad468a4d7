/**
 * 诚信等级 — integrity ratings A–D: preliminary rating (初评), public notice (公示) of 7 working days, appeals (申诉)
 * answered one by one, final rating (审定) written to the archive; batches and the inspection frequency by grade.
 */
package com.tobacco.retailcrm.rating.integrity;
