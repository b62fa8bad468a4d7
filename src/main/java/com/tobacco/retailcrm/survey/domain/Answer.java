package com.tobacco.retailcrm.survey.domain;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 答案 — the answer to one question: a rating 1–5, one of the options, or text. */
public record Answer(Question question, Integer rating, String choice, String text) {

    /**
     * The answers of one questionnaire checked against its questions, all problems at once: every RATING and SINGLE
     * question answered (TEXT may stay empty), a rating 1–5, an option that exists, no unknown question.
     */
    public static List<Answer> sheet(List<Question> questions, Map<String, String> values) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Question> byCode = new LinkedHashMap<>();
        questions.forEach(q -> byCode.put(q.code(), q));
        values.keySet().stream().filter(k -> !byCode.containsKey(k))
                .forEach(k -> problems.add(new FieldProblem("answers." + k, "{survey.error.answer.unknown}")));
        List<Answer> answers = new ArrayList<>();
        for (Question q : questions) {
            String v = values.get(q.code());
            v = v == null ? null : v.strip();
            String field = "answers." + q.code();
            if (v == null || v.isEmpty()) {
                if (q.type() != QuestionType.TEXT) {
                    problems.add(new FieldProblem(field, "{survey.error.answer.required}"));
                }
                continue;
            }
            switch (q.type()) {
                case RATING -> {
                    if (!v.matches("[1-5]")) {
                        problems.add(new FieldProblem(field, "{survey.error.answer.rating}"));
                    } else {
                        answers.add(new Answer(q, Integer.parseInt(v), null, null));
                    }
                }
                case SINGLE -> {
                    if (!q.options().contains(v)) {
                        problems.add(new FieldProblem(field, "{survey.error.answer.option}"));
                    } else {
                        answers.add(new Answer(q, null, v, null));
                    }
                }
                case TEXT -> {
                    if (v.length() > 2000) {
                        problems.add(new FieldProblem(field, "{survey.error.answer.text}"));
                    } else {
                        answers.add(new Answer(q, null, null, v));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return answers;
    }
}
