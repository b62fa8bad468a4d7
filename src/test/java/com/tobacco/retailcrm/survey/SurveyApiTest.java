package com.tobacco.retailcrm.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import com.tobacco.retailcrm.support.Http;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Questionnaires, the stratified sample, answers by phone and by link, and the results, over HTTP. */
class SurveyApiTest extends ApiTest {

    private String md;
    private String agent;
    private String county;

    @BeforeEach
    void people() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        county = orgUnit("COUNTY", rootOrgCode(), "测评县" + unique());
        md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        agent = userWithRoles("ag" + unique(), dept, null, List.of("SERVICE_AGENT"));
        for (int i = 0; i < 6; i++) {
            customer(i % 2 == 0 ? "1" : "2", i < 3 ? "2" : "3");
        }
    }

    private void customer(String marketType, String retailFormat) {
        var r = http.post("/api/v1/customers", md, Http.body("customerCode", digits(12), "licenceNo", digits(12),
                "storeName", "测评便利店" + unique(), "retailFormat", retailFormat, "marketType", marketType,
                "countyCode", county));
        assertThat(r.status()).as("customer: %s", r).isEqualTo(201);
    }

    private static Map<String, Object> questionnaire(String title) {
        return Http.body("title", title, "questions", List.of(
                Map.of("code", "delivery", "text", "送货准时吗？", "type", "RATING", "dimension", "送货服务"),
                Map.of("code", "overall", "text", "总体满意吗？", "type", "RATING", "dimension", "总体评价"),
                Map.of("code", "channel", "text", "常用订货方式", "type", "SINGLE", "options", List.of("网上", "电话"),
                        "dimension", "订货服务"),
                Map.of("code", "advice", "text", "建议", "type", "TEXT", "dimension", "总体评价")));
    }

    private long newQuestionnaire() {
        var r = http.post("/api/v1/questionnaires", md, questionnaire("测评问卷" + unique()));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().get("version").asInt()).isEqualTo(1);
        return r.json().get("id").asLong();
    }

    private JsonNode campaign(long questionnaireId, int size, long seed) {
        var r = http.post("/api/v1/survey-campaigns", md, Http.body("questionnaireId", questionnaireId, "name",
                "测评" + unique(), "period", "2026-Q4", "sampleSize", size, "strata", List.of("marketType", "retailFormat"),
                "seed", seed));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json();
    }

    private long activeCustomers() {
        return jdbc.queryForObject("select count(*) from customer where status = 'ACTIVE' and customer_code is not null",
                Long.class);
    }

    private List<String> codes(long campaignId) {
        var r = http.get("/api/v1/survey-campaigns/" + campaignId + "/assignments", agent);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false).map(a -> a.get("customerCode").asString()).toList();
    }

    @Test
    void aQuestionnaireWithAnswersNeverChangesAndAPutMakesTheNextVersion() {
        long id = newQuestionnaire();
        var put = http.put("/api/v1/questionnaires/" + id, md, Http.body("title", "改后的问卷", "version", 1,
                "questions", questionnaire("x").get("questions")));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/questionnaires/" + id + "?version=1", md).json().get("title").asString())
                .startsWith("测评问卷");
        var stale = http.put("/api/v1/questionnaires/" + id, md, Http.body("title", "再改", "version", 1,
                "questions", questionnaire("x").get("questions")));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void badQuestionnairesAndPlansAreRefusedNamingTheField() {
        var r = http.post("/api/v1/questionnaires", md, Http.body("title", "", "questions", List.of(
                Map.of("code", "a", "text", "单选", "type", "SINGLE", "options", List.of("只有一个"), "dimension", "d"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"title\"").contains("questions[0].options");
        long q = newQuestionnaire();
        var tooMany = http.post("/api/v1/survey-campaigns", md, Http.body("questionnaireId", q, "name", "x",
                "period", "2026", "sampleSize", activeCustomers() + 1, "strata", List.of("marketType")));
        assertThat(tooMany.status()).isEqualTo(422);
        var badStrata = http.post("/api/v1/survey-campaigns/preview", md, Http.body("questionnaireId", q,
                "sampleSize", 2, "strata", List.of("storeName")));
        assertThat(badStrata.status()).isEqualTo(400);
        assertThat(badStrata.body()).contains("strata");
    }

    @Test
    void onlyTheMarketDepartmentOrServiceHeadRunSurveysAndAdminsAreRefused() {
        assertThat(http.post("/api/v1/questionnaires", agent, questionnaire("x")).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/questionnaires", adminToken("sysadmin"), questionnaire("x")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/survey-campaigns", adminToken("sysadmin")).status()).isEqualTo(403);
    }

    @Test
    void theSampleIsStratifiedProportionalWithoutRepeatsOfActiveCustomersAndTheSameSeedGivesTheSameSample() {
        long q = newQuestionnaire();
        int size = (int) Math.min(activeCustomers(), 12);
        JsonNode a = campaign(q, size, 20261101L);
        int sum = 0;
        for (JsonNode s : a.get("sample")) {
            assertThat(s.get("sampled").asInt()).isBetween(s.get("population").asLong() > 0 && size >= a.get("sample").size()
                    ? 1 : 0, (int) s.get("population").asLong());
            sum += s.get("sampled").asInt();
        }
        assertThat(sum).isEqualTo(size);
        List<String> first = codes(a.get("id").asLong());
        assertThat(first).hasSize(size);
        assertThat(new HashSet<>(first)).hasSize(size);
        Long inactive = jdbc.queryForObject("select count(*) from customer where status <> 'ACTIVE' and customer_code = any(?)",
                Long.class, (Object) first.toArray(String[]::new));
        assertThat(inactive).isZero();
        JsonNode b = campaign(q, size, 20261101L);
        assertThat(codes(b.get("id").asLong())).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void agentsAnswerByPhoneRecordRefusalsAndTheResultsGiveTheIndexPerGroup() {
        long q = newQuestionnaire();
        JsonNode c = campaign(q, (int) Math.min(activeCustomers(), 3), 7L);
        long id = c.get("id").asLong();
        List<String> codes = codes(id);
        var answered = http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + codes.get(0) + "/answers", agent,
                Http.body("answers", List.of(Map.of("code", "delivery", "value", 5), Map.of("code", "overall", "value", 4),
                        Map.of("code", "channel", "value", "电话"), Map.of("code", "advice", "value", "希望增加紧俏烟投放"))));
        assertThat(answered.status()).as("%s", answered).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        var again = http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + codes.get(0) + "/answers", agent,
                Http.body("answers", List.of(Map.of("code", "delivery", "value", 1), Map.of("code", "overall", "value", 1),
                        Map.of("code", "channel", "value", "网上"))));
        assertThat(again.status()).isEqualTo(422);
        var bad = http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + codes.get(1) + "/answers", agent,
                Http.body("answers", List.of(Map.of("code", "delivery", "value", 9))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("answers.delivery").contains("answers.overall");
        var refused = http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + codes.get(1) + "/outcome", agent,
                Http.body("status", "REFUSED", "note", "店主忙，不愿接受访问"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(200);

        var byQuestion = http.get("/api/v1/survey-campaigns/" + id + "/results?by=question", md).json();
        assertThat(byQuestion.get("index").asString()).isEqualTo("87.50");
        Map<String, String> index = new LinkedHashMap<>();
        byQuestion.get("groups").forEach(g -> index.put(g.get("key").asString(), g.get("index").isNull() ? null
                : g.get("index").asString()));
        assertThat(index).containsEntry("delivery", "100.00").containsEntry("overall", "75.00");
        assertThat(byQuestion.get("options").get(0).get("share").asString()).isEqualTo("1.0000");
        assertThat(byQuestion.get("texts").get(0).get("text").asString()).isEqualTo("希望增加紧俏烟投放");
        JsonNode total = byQuestion.get("response").get(byQuestion.get("response").size() - 1);
        assertThat(total.get("answered").asInt()).isEqualTo(1);
        assertThat(total.get("refused").asInt()).isEqualTo(1);
        var byCounty = http.get("/api/v1/survey-campaigns/" + id + "/results?by=county&compareTo=" + id, md).json();
        assertThat(byCounty.get("groups").get(0).get("change").asString()).isEqualTo("0.00");
        assertThat(http.get("/api/v1/survey-campaigns/" + id + "/results?by=weather", md).status()).isEqualTo(400);
        var xlsx = http.get("/api/v1/survey-campaigns/" + id + "/results?by=dimension&format=xlsx", md);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Test
    void aSecondAnswerThroughTheSameLinkIsGoneAndStoresNothing() throws Exception {
        long q = newQuestionnaire();
        long id = campaign(q, 1, 3L).get("id").asLong();
        String code = codes(id).get(0);
        var link = http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + code + "/link", agent, Map.of());
        assertThat(link.status()).as("%s", link).isEqualTo(200);
        String url = link.json().get("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(token).hasSizeGreaterThanOrEqualTo(22).doesNotContain(code);
        assertThat(jdbc.queryForObject("select count(*) from survey_assignment where link_hash = convert_to(?, 'UTF8')",
                Long.class, token)).as("the token itself is never stored").isZero();
        assertThat(jdbc.queryForObject("select count(*) from survey_assignment where link_hash = sha256(convert_to(?, 'UTF8'))",
                Long.class, token)).as("only its hash").isEqualTo(1);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/s/" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("送货准时吗？");
        String form = "q_delivery=4&q_overall=5&q_channel=" + URLEncoder.encode("网上", StandardCharsets.UTF_8);
        assertThat(postForm(browser, token, page.body(), form).statusCode()).isEqualTo(200);
        long answers = answerCount(id);
        assertThat(answers).isEqualTo(3);

        HttpResponse<String> second = postForm(browser, token, page.body(), "q_delivery=1&q_overall=1&q_channel="
                + URLEncoder.encode("电话", StandardCharsets.UTF_8));
        assertThat(second.statusCode()).isEqualTo(410);
        assertThat(answerCount(id)).isEqualTo(answers);
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/s/" + token)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(410);
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/s/notatoken")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkIsGoneAndStoresNothing() throws Exception {
        long id = campaign(newQuestionnaire(), 1, 5L).get("id").asLong();
        String code = codes(id).get(0);
        String url = http.post("/api/v1/survey-campaigns/" + id + "/assignments/" + code + "/link", agent, Map.of())
                .json().get("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/s/" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        clock.advance(Duration.ofDays(15));
        try {
            assertThat(postForm(browser, token, page.body(), "q_delivery=4&q_overall=5&q_channel="
                    + URLEncoder.encode("网上", StandardCharsets.UTF_8)).statusCode()).isEqualTo(410);
            assertThat(answerCount(id)).isZero();
        } finally {
            clock.advance(Duration.ofDays(-15));
        }
    }

    private long answerCount(long campaignId) {
        return jdbc.queryForObject("select count(*) from survey_answer w join survey_assignment a on a.id = w.assignment_id"
                + " where a.campaign_id = ?", Long.class, campaignId);
    }

    private HttpResponse<String> postForm(HttpClient browser, String token, String page, String form) throws Exception {
        Matcher csrf = CSRF.matcher(page);
        List<String> parts = new ArrayList<>(List.of(form));
        if (csrf.find()) {
            parts.add("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        }
        return browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/s/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
