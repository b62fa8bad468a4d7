/**
 * 客户评价 — the five-dimension evaluation per period (contribution, dependence, integrity, growth, cooperation),
 * computed in SQL over the archive's facts, the period's purchases and the violations, stored and ranked.
 */
package com.tobacco.retailcrm.rating.evaluation;
