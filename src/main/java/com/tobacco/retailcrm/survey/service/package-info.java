/**
 * Survey work stored with plain SQL: questionnaires and their versions, campaigns and their sample, the agents' and
 * the retailers' answers, the results and the demo data.
 */
package com.tobacco.retailcrm.survey.service;
