package com.tobacco.retailcrm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors raised before any controller is chosen (no such path, a method the path does not have): under
 * {@code /api/} they are problem+json like every other API error; elsewhere they are left to the page error
 * handling. {@link ApiExceptionHandler} only sees errors of REST controllers, so it cannot answer these.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiPathExceptionHandler {

    private final ApiExceptionHandler api;
    private final Messages messages;

    ApiPathExceptionHandler(ApiExceptionHandler api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        return onApiPath(e, request, HttpStatus.NOT_FOUND, "error.notFound.path");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        return onApiPath(e, request, HttpStatus.METHOD_NOT_ALLOWED, "error.method");
    }

    /** Rethrowing the same exception hands it back to Spring's default resolution (the page error view). */
    private ResponseEntity<ProblemDetail> onApiPath(Exception e, HttpServletRequest request, HttpStatus status,
                                                    String key) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
        return api.problem(status, messages.text(key), null);
    }
}
