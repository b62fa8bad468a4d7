/**
 * The rules of a survey: questions and their answers, the largest-remainder allocation of the sample, the
 * satisfaction index and the one-time link token. Free of storage and HTTP so each rule has a plain unit test.
 */
package com.tobacco.retailcrm.survey.domain;
