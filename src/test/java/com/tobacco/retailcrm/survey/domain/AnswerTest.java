package com.tobacco.retailcrm.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerTest {

    private static final List<Question> QUESTIONS = List.of(
            new Question("r", "送货准时吗？", QuestionType.RATING, null, "送货服务"),
            new Question("s", "订货方式", QuestionType.SINGLE, List.of("网上", "电话"), "订货服务"),
            new Question("t", "建议", QuestionType.TEXT, null, "总体评价"));

    @Test
    void everyRatingAndSingleQuestionMustBeAnsweredWithAValidValueAndAllProblemsComeAtOnce() {
        assertThatThrownBy(() -> Answer.sheet(QUESTIONS, Map.of("r", "6", "x", "1")))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems().stream().map(FieldProblem::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("answers.x", "answers.r", "answers.s");
    }

    @Test
    void textMayStayEmpty() {
        assertThat(Answer.sheet(QUESTIONS, Map.of("r", "5", "s", "电话"))).hasSize(2);
    }

    @Test
    void theIndexScalesRatingsOneToFiveOntoZeroToHundredWithTwoPlaces() {
        assertThat(SatisfactionIndex.of(3, 5 + 4 + 4)).isEqualTo(new BigDecimal("83.33"));
        assertThat(SatisfactionIndex.of(1, 1)).isEqualTo(new BigDecimal("0.00"));
        assertThat(SatisfactionIndex.of(0, 0)).isNull();
    }

    @Test
    void aQuestionnaireNeedsUniqueCodesAndOptionsOnlyOnSingleChoice() {
        List<FieldProblem> problems = Question.problems("测评", List.of(
                new Question("a", "甲", QuestionType.RATING, List.of("x"), "维度"),
                new Question("a", "乙", QuestionType.SINGLE, List.of("只有一个"), "维度")));
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("questions[0].options", "questions[1].code", "questions[1].options");
    }

    @Test
    void linkTokensCarryAtLeast128RandomBitsAndOnlyTheirHashIsKept() {
        String token = LinkToken.generate();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(LinkToken.generate());
        assertThat(LinkToken.hash(token)).hasSize(32).isNotEqualTo(token.getBytes());
    }
}
