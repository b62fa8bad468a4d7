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

    /** A multipart body the container cannot parse (no closing boundary, say): the client's input, 400. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e,
                                            HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws Exception {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return onApiPathOr400(request, response, api.validation(java.util.List.of(
                    new com.tobacco.retailcrm.shared.api.FieldProblem("file", "{error.upload.tooLarge}"))));
        }
        return onApiPathOr400(request, response, api.validation(java.util.List.of(
                new com.tobacco.retailcrm.shared.api.FieldProblem("file", "{error.upload.malformed}"))));
    }

    /** A content type no mapping of the path consumes, found before a controller is chosen: 415 as problem+json. */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(org.springframework.web.HttpMediaTypeNotSupportedException e,
                                            HttpServletRequest request) throws Exception {
        return onApiPath(e, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType");
    }

    /** Pages get the error page with the status (400), not a 500. */
    private ResponseEntity<ProblemDetail> onApiPathOr400(HttpServletRequest request,
                                                         jakarta.servlet.http.HttpServletResponse response,
                                                         ResponseEntity<ProblemDetail> problem) throws java.io.IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return problem;
        }
        response.sendError(HttpStatus.BAD_REQUEST.value());
        return null;
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
