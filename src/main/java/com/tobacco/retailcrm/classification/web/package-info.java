/**
 * Classification over HTTP: the purchases API and CSV import, the classification-runs API, the run and adjustment
 * report pages (Chinese), their Excel downloads and the 客户分类 menu entry.
 */
package com.tobacco.retailcrm.classification.web;
