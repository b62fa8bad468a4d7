package com.tobacco.retailcrm.survey.domain;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** 题目 — one question of a questionnaire, under a dimension (供货, 订货, 送货 …); options only for SINGLE. */
public record Question(String code, String text, QuestionType type, List<String> options, String dimension) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Every problem of a questionnaire's questions at once: codes unique, texts present, options only where chosen. */
    public static List<FieldProblem> problems(String title, List<Question> questions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            problems.add(new FieldProblem("title", "{survey.error.title}"));
        }
        if (questions == null || questions.isEmpty()) {
            problems.add(new FieldProblem("questions", "{survey.error.questions.empty}"));
            return problems;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String at = "questions[" + i + "]";
            if (q == null) {
                problems.add(new FieldProblem(at, "{survey.error.question.missing}"));
                continue;
            }
            if (q.code() == null || !q.code().matches("[A-Za-z0-9_-]{1,40}")) {
                problems.add(new FieldProblem(at + ".code", "{survey.error.question.code}"));
            } else if (!codes.add(q.code())) {
                problems.add(new FieldProblem(at + ".code", "{survey.error.question.duplicate}"));
            }
            if (q.text() == null || q.text().isBlank() || q.text().length() > 500) {
                problems.add(new FieldProblem(at + ".text", "{survey.error.question.text}"));
            }
            if (q.dimension() == null || q.dimension().isBlank() || q.dimension().length() > 40) {
                problems.add(new FieldProblem(at + ".dimension", "{survey.error.question.dimension}"));
            }
            if (q.type() == null) {
                problems.add(new FieldProblem(at + ".type", "{survey.error.question.type}"));
            } else if (q.type() == QuestionType.SINGLE && (q.options().size() < 2
                    || q.options().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 200)
                    || new HashSet<>(q.options()).size() != q.options().size())) {
                problems.add(new FieldProblem(at + ".options", "{survey.error.question.options}"));
            } else if (q.type() != QuestionType.SINGLE && !q.options().isEmpty()) {
                problems.add(new FieldProblem(at + ".options", "{survey.error.question.optionsNotAllowed}"));
            }
        }
        return problems;
    }
}
