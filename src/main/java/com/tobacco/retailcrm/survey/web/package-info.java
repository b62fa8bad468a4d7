/**
 * Surveys over HTTP (docs/api.md "Satisfaction surveys") and the Chinese pages: questionnaires, campaigns with their
 * sample and results, the agents' call list, and the public one-time answer page.
 */
package com.tobacco.retailcrm.survey.web;
