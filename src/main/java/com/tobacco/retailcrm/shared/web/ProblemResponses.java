package com.tobacco.retailcrm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json body outside Spring MVC (security filters answer 401/403 before any controller runs), in
 * the same shape and language as {@link ApiExceptionHandler}.
 */
@Component
public class ProblemResponses {

    private final Messages messages;
    private final JsonMapper json;
    private final CrmLocaleResolver locales = new CrmLocaleResolver();

    ProblemResponses(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
                      Object... args) throws IOException {
        var locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.text(locale, "error.title." + status.value()));
        body.put("status", status.value());
        body.put("detail", messages.text(locale, messageKey, args));
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
