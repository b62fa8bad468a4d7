package com.tobacco.retailcrm.rating.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 诚信度 of the evaluation ({@code crm.evaluation.integrity.*}): the points of each integrity grade, those of a customer
 * not yet rated, and what each violation within the period takes off (never below 0). Defaults: A 100, B 80, C 60,
 * D 40, not yet rated 70; minus 10 per minor and 20 per serious violation.
 */
@ConfigurationProperties(prefix = "crm.evaluation.integrity")
record IntegrityPoints(Integer gradeA, Integer gradeB, Integer gradeC, Integer gradeD, Integer ungraded,
                       Integer minorPenalty, Integer seriousPenalty) {

    IntegrityPoints {
        gradeA = orDefault(gradeA, 100);
        gradeB = orDefault(gradeB, 80);
        gradeC = orDefault(gradeC, 60);
        gradeD = orDefault(gradeD, 40);
        ungraded = orDefault(ungraded, 70);
        minorPenalty = orDefault(minorPenalty, 10);
        seriousPenalty = orDefault(seriousPenalty, 20);
        for (int points : new int[] {gradeA, gradeB, gradeC, gradeD, ungraded}) {
            if (points < 0 || points > 100) {
                throw new IllegalArgumentException("crm.evaluation.integrity: grade points must be 0..100");
            }
        }
        if (minorPenalty < 0 || seriousPenalty < 0) {
            throw new IllegalArgumentException("crm.evaluation.integrity: penalties must be at least 0");
        }
    }

    /** The parameters of the score statement's integrity expression, in its order. */
    Object[] sqlArguments() {
        return new Object[] {gradeA, gradeB, gradeC, gradeD, ungraded, minorPenalty, seriousPenalty};
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
