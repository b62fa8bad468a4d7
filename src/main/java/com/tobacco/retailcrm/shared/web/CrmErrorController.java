package com.tobacco.retailcrm.shared.web;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page and the error answer of anything that ends up at {@code /error} (errors outside the controllers:
 * filters, the container): for the API and JSON callers a problem+json in the caller's language, for browsers the
 * error page. {@code /error} opened directly is no error at all: 404, never a 500.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class CrmErrorController extends BasicErrorController {

    private final Messages messages;

    CrmErrorController(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
                       Messages messages) {
        super(attributes, web.getError(), resolvers.orderedStream().toList());
        this.messages = messages;
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        return super.getStatus(request);
    }

    /** The error page for browsers: the same status rule, Spring's page rendering. */
    @Override
    @PermitAll
    public org.springframework.web.servlet.ModelAndView errorHtml(HttpServletRequest request,
                                                                  jakarta.servlet.http.HttpServletResponse response) {
        return super.errorHtml(request, response);
    }

    @Override
    @PermitAll
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.text("error.title." + (known(status) ? status.value() : 500)));
        body.put("status", status.value());
        body.put("detail", messages.text(detailKey(status)));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        body.put("instance", uri == null ? request.getRequestURI() : uri.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static final List<Integer> KNOWN = List.of(400, 401, 403, 404, 405, 409, 415, 422, 429);

    private static boolean known(HttpStatus status) {
        return KNOWN.contains(status.value());
    }

    private static String detailKey(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "error.validation";
            case 401 -> "error.unauthenticated";
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound.path";
            case 405 -> "error.method";
            case 415 -> "error.mediaType";
            default -> status.is4xxClientError() ? "error.validation" : "error.internal";
        };
    }
}
