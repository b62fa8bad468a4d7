/**
 * 话务员考核: the call-centre agents' monthly figures and the seeds' three indices (call volume, service quality,
 * training) with configurable coefficients.
 */
package com.tobacco.retailcrm.report.agents;
