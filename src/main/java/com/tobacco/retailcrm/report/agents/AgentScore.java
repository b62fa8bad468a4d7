package com.tobacco.retailcrm.report.agents;

import java.math.BigDecimal;

/** 话务员月度考核数据 — one agent's month as entered: calls, complaint calls, target, scores, complaints, absences. */
public record AgentScore(String agent, int calls, int complaintCalls, int callTarget, BigDecimal monitoringScore,
                         BigDecimal testCallScore, int complaints, BigDecimal trainingScore, int absences) {
}
