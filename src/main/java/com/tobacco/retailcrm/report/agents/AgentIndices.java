package com.tobacco.retailcrm.report.agents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The seeds' formulas, two places: 话务量指数 = (calls − complaint calls) ÷ monthly call target × 100; 服务质量指数 =
 * (monitoring score + test-call score) ÷ 2 − complaints × complaint coefficient; 培训指数 = average training score −
 * absences × attendance coefficient.
 */
public record AgentIndices(BigDecimal callVolume, BigDecimal serviceQuality, BigDecimal training) {

    public static AgentIndices of(AgentScore s, BigDecimal complaintCoefficient, BigDecimal attendanceCoefficient) {
        BigDecimal volume = BigDecimal.valueOf((long) s.calls() - s.complaintCalls()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(s.callTarget()), 2, RoundingMode.HALF_UP);
        BigDecimal quality = s.monitoringScore().add(s.testCallScore()).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP)
                .subtract(complaintCoefficient.multiply(BigDecimal.valueOf(s.complaints()))).setScale(2, RoundingMode.HALF_UP);
        BigDecimal training = s.trainingScore().subtract(attendanceCoefficient.multiply(BigDecimal.valueOf(s.absences())))
                .setScale(2, RoundingMode.HALF_UP);
        return new AgentIndices(volume, quality, training);
    }
}
