package com.tobacco.retailcrm.survey.web;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.survey.domain.Question;
import com.tobacco.retailcrm.survey.service.Answering;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 问卷链接 — the retailer's page behind a one-time link, without sign-in, made for a phone's screen: the questions,
 * answered once. An unknown token is 404, a used or expired one 410, and neither stores anything.
 */
@Controller
class PublicSurveyController {

    private final Answering answering;
    private final Messages messages;

    PublicSurveyController(Answering answering, Messages messages) {
        this.answering = answering;
        this.messages = messages;
    }

    @GetMapping("/s/{token}")
    @PermitAll
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, model, response, Map.of(), Map.of());
    }

    @PostMapping("/s/{token}")
    @PermitAll
    String answer(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("q_")) {
                values.put(k.substring(2), v);
            }
        });
        try {
            answering.answerByLink(token, values);
            model.addAttribute("state", "thanks");
            return "survey/public";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.put(p.field().replace("answers.", ""), messages.text(p.message()));
            }
            response.setStatus(400);
            return show(token, model, response, values, errors);
        } catch (NotFoundException e) {
            return gone(model, response, 404, "survey.link.unknown");
        } catch (Answering.LinkGoneException e) {
            return gone(model, response, 410, "survey.link.gone");
        }
    }

    private String show(String token, Model model, HttpServletResponse response, Map<String, String> values,
                        Map<String, String> errors) {
        try {
            Answering.LinkView view = answering.byToken(token);
            model.addAttribute("state", "form");
            model.addAttribute("view", view);
            model.addAttribute("token", token);
            model.addAttribute("values", values);
            model.addAttribute("errors", errors);
            model.addAttribute("ratingLabels", new String[] {"", "很不满意", "不满意", "一般", "满意", "很满意"});
            model.addAttribute("dimensions", view.questions().stream().map(Question::dimension).distinct().toList());
            return "survey/public";
        } catch (NotFoundException e) {
            return gone(model, response, 404, "survey.link.unknown");
        } catch (Answering.LinkGoneException e) {
            return gone(model, response, 410, "survey.link.gone");
        }
    }

    private String gone(Model model, HttpServletResponse response, int status, String key) {
        response.setStatus(status);
        model.addAttribute("state", "gone");
        model.addAttribute("message", messages.text(key));
        return "survey/public";
    }
}
