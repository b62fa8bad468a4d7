/**
 * Reports over HTTP and their Chinese pages: the daily order facts in (API and file upload).
 */
package com.tobacco.retailcrm.report.web;
