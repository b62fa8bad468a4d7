/**
 * What other modules may read of the surveys: {@link com.tobacco.retailcrm.survey.api.SurveyFigures}, a month's
 * rating answers counted per customer manager and county (for the indicators and the leaders' dashboard).
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.survey.api;
