package com.tobacco.retailcrm.rating.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.rating.RatingApiTestBase;
import com.tobacco.retailcrm.support.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * 合作度 of a computed evaluation counts what the service, survey and complaint modules recorded in the period:
 * visits received, surveys answered or refused and complaints filed (CooperationRuleTest holds the points).
 */
class EvaluationCooperationApiTest extends RatingApiTestBase {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private String ago(Duration ago) {
        return clock.instant().minus(ago).truncatedTo(ChronoUnit.SECONDS).atZone(ZONE).toOffsetDateTime().toString();
    }

    private String period() {
        return YearMonth.from(clock.instant().atZone(ZONE)).toString();
    }

    private BigDecimal cooperation(County c, String code) {
        var computed = http.post("/api/v1/evaluations", token(c.marketDept()), Http.body("period", period()));
        assertThat(computed.status()).as("%s", computed).isEqualTo(201);
        var history = http.get("/api/v1/evaluations/customers/" + code, token(c.marketDept()));
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.json().get(0).get("period").asString()).isEqualTo(period());
        return history.json().get(0).get("cooperation").decimalValue();
    }

    @Test
    void visitsReceivedAndComplaintsFiledInThePeriodMoveTheCooperationScore() {
        County c = county();
        String x = customer(c);
        // The visits below are minutes ago; run at midnight (Asia/Shanghai) they would fall on the day before the
        // customer was registered, which the visit rule rightly refuses. Five minutes on, they are after it.
        clock.advance(Duration.ofMinutes(5));
        assertThat(cooperation(c, x)).isEqualByComparingTo("70");
        for (int minutes : new int[] {3, 2}) {
            var visit = http.post("/api/v1/visits", token(c.manager()), Http.body("customerCode", x, "visitedAt",
                    ago(Duration.ofMinutes(minutes)), "purpose", "ROUTINE", "findings", "店面整洁，陈列规范"));
            assertThat(visit.status()).as("%s", visit).isEqualTo(201);
        }
        assertThat(cooperation(c, x)).isEqualByComparingTo("80");
        var complaint = http.post("/api/v1/complaints", token(c.agent()), Http.body("customerCode", x,
                "contactName", "王先生", "contactPhone", "13812345678", "channel", "PHONE", "category", "DELIVERY",
                "priority", "NORMAL", "description", "送货延误两天", "receivedAt", ago(Duration.ofMinutes(1))));
        assertThat(complaint.status()).as("%s", complaint).isEqualTo(201);
        assertThat(cooperation(c, x)).isEqualByComparingTo("75");
    }

    @Test
    void aSurveyAnsweredAddsAndASurveyRefusedTakesOff() {
        County c = county();
        customer(c);
        customer(c);
        String md = token(c.marketDept());
        var q = http.post("/api/v1/questionnaires", md, Http.body("title", "合作度问卷" + unique(), "questions",
                List.of(Map.of("code", "overall", "text", "总体满意吗？", "type", "RATING", "dimension", "总体评价"))));
        assertThat(q.status()).as("%s", q).isEqualTo(201);
        var campaign = http.post("/api/v1/survey-campaigns", md, Http.body("questionnaireId", q.json().get("id").asLong(),
                "name", "合作度测评" + unique(), "period", "2026-Q4", "sampleSize", 2, "strata", List.of("marketType"),
                "seed", 11L));
        assertThat(campaign.status()).as("%s", campaign).isEqualTo(201);
        long id = campaign.json().get("id").asLong();
        List<String> codes = StreamSupport.stream(http.get("/api/v1/survey-campaigns/" + id + "/assignments",
                token(c.agent())).json().spliterator(), false).map(a -> a.get("customerCode").asString()).toList();
        assertThat(codes).hasSize(2);
        BigDecimal answeredBefore = cooperation(c, codes.get(0));
        BigDecimal refusedBefore = cooperation(c, codes.get(1));

        assertThat(http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + codes.get(0) + "/answers",
                token(c.agent()), Http.body("answers", List.of(Map.of("code", "overall", "value", 4)))).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + codes.get(1) + "/outcome",
                token(c.agent()), Http.body("status", "REFUSED", "note", "店主忙")).status()).isEqualTo(200);

        assertThat(cooperation(c, codes.get(0)))
                .isEqualByComparingTo(answeredBefore.add(BigDecimal.valueOf(15)).min(BigDecimal.valueOf(100)));
        assertThat(cooperation(c, codes.get(1)))
                .isEqualByComparingTo(refusedBefore.subtract(BigDecimal.valueOf(10)).max(BigDecimal.ZERO));
    }
}
