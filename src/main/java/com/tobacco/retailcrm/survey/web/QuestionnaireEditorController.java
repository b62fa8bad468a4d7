package com.tobacco.retailcrm.survey.web;

import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.survey.domain.Question;
import com.tobacco.retailcrm.survey.domain.QuestionType;
import com.tobacco.retailcrm.survey.service.Questionnaires;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 问卷编辑 — the market department and the service head write a questionnaire: questions of three types under their
 * dimensions, added, removed and moved by buttons that redraw the form without saving. Saving an existing
 * questionnaire always adds its next version (the versions that were asked stay as they were); every problem is shown
 * at its field and nothing is saved until there is none.
 */
@Controller
class QuestionnaireEditorController {

    /** More questions than a retailer would answer on the phone; guards the form's row count. */
    private static final int MAX_ROWS = 100;

    /** One question as the form holds it: options one per line. */
    record Row(String code, String text, String type, String dimension, String options) {

        static Row of(Question q) {
            return new Row(q.code(), q.text(), q.type().name(), q.dimension(), String.join("\n", q.options()));
        }

        static Row blank(String dimension) {
            return new Row("q" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36),
                    "", QuestionType.RATING.name(), dimension, "");
        }

        Question question() {
            QuestionType t = Arrays.stream(QuestionType.values()).filter(v -> v.name().equals(type)).findFirst()
                    .orElse(null);
            List<String> opts = options == null ? List.of() : options.lines().map(String::strip)
                    .filter(o -> !o.isEmpty()).toList();
            return new Question(code, text == null ? null : text.strip(), t, opts,
                    dimension == null ? null : dimension.strip());
        }
    }

    private final Questionnaires questionnaires;
    private final Messages messages;

    QuestionnaireEditorController(Questionnaires questionnaires, Messages messages) {
        this.questionnaires = questionnaires;
        this.messages = messages;
    }

    @GetMapping("/surveys/questionnaires/new")
    @PreAuthorize(SurveyController.OWNERS)
    String create(Model model) {
        return form(model, null, null, "", List.of(Row.blank("总体评价")), Map.of(), List.of());
    }

    @GetMapping("/surveys/questionnaires/{id}/edit")
    @PreAuthorize(SurveyController.OWNERS)
    String edit(@PathVariable long id, Model model) {
        Questionnaires.Version v = questionnaires.get(id, null);
        return form(model, v, (long) v.currentVersion(), v.title(), v.questions().stream().map(Row::of).toList(),
                Map.of(), List.of());
    }

    @PostMapping("/surveys/questionnaires/new")
    @PreAuthorize(SurveyController.OWNERS)
    String submitNew(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(null, null, form, model, redirect);
    }

    @PostMapping("/surveys/questionnaires/{id}/edit")
    @PreAuthorize(SurveyController.OWNERS)
    String submitEdit(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                      RedirectAttributes redirect) {
        return submit(id, questionnaires.get(id, null), form, model, redirect);
    }

    private String submit(Long id, Questionnaires.Version current, Map<String, String> form, Model model,
                          RedirectAttributes redirect) {
        String title = form.getOrDefault("title", "");
        List<Row> rows = rows(form);
        String action = form.getOrDefault("action", "save");
        Long seen = version(form.get("version"));
        if (!"save".equals(action)) {
            return form(model, current, seen, title, rearrange(rows, action), Map.of(), List.of());
        }
        List<Question> questions = rows.stream().map(Row::question).toList();
        try {
            Questionnaires.Version saved = id == null ? questionnaires.create(title, questions)
                    : questionnaires.revise(id, seen, title, questions);
            redirect.addFlashAttribute("flashSuccess", id == null ? "问卷已建立（第 1 版）"
                    : "问卷已保存为第 " + saved.version() + " 版；已建的测评活动仍用原来的版本");
            return "redirect:/surveys/questionnaires/" + saved.id();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.merge(p.field(), messages.text(p.message()), (a, b) -> a + "；" + b));
            return form(model, current, seen, title, rows, errors, List.of("问卷未保存：请按标红处修改后再保存"));
        } catch (ConflictException e) {
            // shown the newer version, a second save is a deliberate one: it adds the next version after it
            Questionnaires.Version newer = questionnaires.get(id, null);
            return form(model, newer, (long) newer.currentVersion(), title, rows, Map.of(),
                    List.of(messages.text(e.getMessage(), e.args())));
        }
    }

    /** The rows as posted: {@code rows} of them, each field named {@code <field>_<index>}. */
    private static List<Row> rows(Map<String, String> form) {
        int count;
        try {
            count = Math.max(0, Math.min(MAX_ROWS, Integer.parseInt(form.getOrDefault("rows", "0"))));
        } catch (NumberFormatException e) {
            count = 0;
        }
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new Row(form.get("code_" + i), form.get("text_" + i), form.get("type_" + i),
                    form.get("dimension_" + i), form.get("options_" + i)));
        }
        return rows;
    }

    /** {@code add}, {@code remove:i}, {@code up:i} or {@code down:i}: the rows redrawn, nothing saved. */
    static List<Row> rearrange(List<Row> rows, String action) {
        List<Row> result = new ArrayList<>(rows);
        String[] parts = action.split(":", 2);
        if ("add".equals(parts[0])) {
            if (result.size() < MAX_ROWS) {
                result.add(Row.blank(result.isEmpty() ? "总体评价" : result.get(result.size() - 1).dimension()));
            }
            return result;
        }
        int i;
        try {
            i = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return result;
        }
        if (i < 0 || i >= result.size()) {
            return result;
        }
        switch (parts[0]) {
            case "remove" -> result.remove(i);
            case "up" -> {
                if (i > 0) {
                    result.add(i - 1, result.remove(i));
                }
            }
            case "down" -> {
                if (i < result.size() - 1) {
                    result.add(i + 1, result.remove(i));
                }
            }
            default -> { }
        }
        return result;
    }

    private static Long version(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String form(Model model, Questionnaires.Version current, Long seen, String title, List<Row> rows,
                        Map<String, String> fieldErrors, List<String> errors) {
        model.addAttribute("current", current);
        model.addAttribute("seen", seen);
        // not "title": the layout's fragment parameter of that name would shadow it
        model.addAttribute("formTitle", title);
        model.addAttribute("rows", rows);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("errors", errors);
        model.addAttribute("dimensions", dimensions(rows));
        Map<String, Long> groups = new LinkedHashMap<>();
        rows.stream().map(r -> r.dimension() == null || r.dimension().isBlank() ? "（未填维度）" : r.dimension().strip())
                .forEach(d -> groups.merge(d, 1L, Long::sum));
        model.addAttribute("groups", groups);
        Map<String, String> types = new LinkedHashMap<>();
        types.put("RATING", "评分（1–5）");
        types.put("SINGLE", "单选");
        types.put("TEXT", "文字");
        model.addAttribute("types", types);
        return "survey/questionnaire-form";
    }

    /** The dimensions already used here and in the other questionnaires, for the dimension field's suggestions. */
    private List<String> dimensions(List<Row> rows) {
        List<String> all = new ArrayList<>();
        rows.stream().map(Row::dimension).filter(d -> d != null && !d.isBlank()).forEach(all::add);
        questionnaires.list().forEach(v -> v.questions().forEach(q -> all.add(q.dimension())));
        return all.stream().distinct().toList();
    }
}
