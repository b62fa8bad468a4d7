package com.tobacco.retailcrm.rating.evaluation;

import com.tobacco.retailcrm.rating.api.CooperationCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 合作度 of the evaluation ({@code crm.evaluation.cooperation.*}): how a retailer works with us in the period.
 * <pre>
 *   cooperation = correction% · correction / 100            (整改: violations of the 12 months corrected; 100% without any)
 *               + min(visits · visit, visitMax)              (拜访 received)
 *               + surveysAnswered · surveyAnswered           (测评 answered, by phone or link)
 *               − surveysRefused · surveyRefused             (测评 refused)
 *               − complaints · complaint                     (投诉 filed)
 *   kept within 0–100, 2 decimals
 * </pre>
 * Defaults: correction 70, visit 5 up to 15, survey answered 15, refused 10, complaint 5 — so a retailer with a
 * clean record who received three visits and answered one survey scores 100, and one we know nothing else of 70.
 */
@ConfigurationProperties(prefix = "crm.evaluation.cooperation")
record CooperationPoints(Integer correction, Integer visit, Integer visitMax, Integer surveyAnswered,
                         Integer surveyRefused, Integer complaint) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    CooperationPoints {
        correction = orDefault(correction, 70);
        visit = orDefault(visit, 5);
        visitMax = orDefault(visitMax, 15);
        surveyAnswered = orDefault(surveyAnswered, 15);
        surveyRefused = orDefault(surveyRefused, 10);
        complaint = orDefault(complaint, 5);
        for (int points : new int[] {correction, visit, visitMax, surveyAnswered, surveyRefused, complaint}) {
            if (points < 0 || points > 100) {
                throw new IllegalArgumentException("crm.evaluation.cooperation: points must be 0..100");
            }
        }
    }

    /** The rule of the class comment for a customer with these violations (of the 12 months) and counts. */
    BigDecimal score(int violations, int corrected, CooperationCounts counts) {
        BigDecimal correctionShare = violations == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(corrected).divide(BigDecimal.valueOf(violations), 10, RoundingMode.HALF_UP);
        BigDecimal points = correctionShare.multiply(BigDecimal.valueOf(correction))
                .add(BigDecimal.valueOf(Math.min((long) counts.visits() * visit, visitMax)))
                .add(BigDecimal.valueOf((long) counts.surveysAnswered() * surveyAnswered))
                .subtract(BigDecimal.valueOf((long) counts.surveysRefused() * surveyRefused))
                .subtract(BigDecimal.valueOf((long) counts.complaints() * complaint));
        return points.max(BigDecimal.ZERO).min(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
