package com.tobacco.retailcrm.shared.web;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.TooManyRequestsException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457), in the caller's language, naming the
 * field for input errors. Bad input is always a 4xx: a 500 here means a defect, and its details stay in the log.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Messages messages;

    public ApiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return validation(e.problems());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getFieldErrors().forEach(fe -> problems.add(new FieldProblem(fe.getField(),
                messages.text(fe.getDefaultMessage()))));
        e.getGlobalErrors().forEach(ge -> problems.add(new FieldProblem(ge.getObjectName(),
                messages.text(ge.getDefaultMessage()))));
        return validation(problems);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                problems.add(new FieldProblem(r.getMethodParameter().getParameterName(),
                        messages.text(err.getDefaultMessage())))));
        return validation(problems);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(problems);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException de && !de.getPath().isEmpty()) {
            String field = path(de);
            String message = de instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                    ? messages.text("error.json.unknownField")
                    : de.getOriginalMessage() != null && de.getOriginalMessage().contains("NUL character")
                            ? messages.text("error.json.nul")
                            : messages.text("error.json.type");
            return validation(List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof JacksonException || cause == null) {
            return validation(List.of(new FieldProblem("body", messages.text("error.json.malformed"))));
        }
        return validation(List.of(new FieldProblem("body", messages.text("error.json.malformed"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String key = e.getMostSpecificCause() instanceof NulRefusingBinder.NulCharacterException
                ? "error.json.nul" : "error.param.type";
        return validation(List.of(new FieldProblem(e.getName(), messages.text(key))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
        return validation(List.of(new FieldProblem(e.getParameterName(), messages.text("error.param.missing"))));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return validation(List.of(new FieldProblem(e.getRequestPartName(), messages.text("error.param.missing"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return validation(List.of(new FieldProblem("file", messages.text("error.upload.tooLarge"))));
    }

    /** A multipart body that cannot be parsed (no closing boundary, say) is the client's input: 400, not 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(org.springframework.web.multipart.MultipartException e) {
        return validation(List.of(new FieldProblem("file", "{error.upload.malformed}")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.text("error.mediaType"), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, messages.text("error.method"), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, messages.text("error.notFound.path"), null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, messages.text(e.getMessage(), e.args()), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        String text = messages.text(e.getMessage(), e.args());
        List<FieldProblem> fields = e.field() == null ? null : List.of(new FieldProblem(e.field(), text));
        return problem(HttpStatus.CONFLICT, text, fields);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        String text = messages.text("error.version.stale");
        return problem(HttpStatus.CONFLICT, text, List.of(new FieldProblem("version", text)));
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ProblemDetail> rule(BusinessRuleException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, messages.text(e.getMessage(), e.args()), null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        List<FieldProblem> fields = e.problems().isEmpty() ? null : e.problems().stream()
                .map(p -> new FieldProblem(p.field(), messages.text(p.message()))).toList();
        return problem(HttpStatus.FORBIDDEN, messages.text(e.getMessage(), e.args()), fields);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, messages.text("error.forbidden"), null);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        var answer = problem(HttpStatus.TOO_MANY_REQUESTS, messages.text(e.getMessage(), e.args()), null);
        return e.retryAfterSeconds() == null ? answer : ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(answer.getHeaders()).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(answer.getBody());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        // A safety net: validation should have caught this, but a database refusal is still the client's input.
        String state = sqlState(e);
        log.warn("Database refused input (SQLState {}): {}", state, e.getMostSpecificCause().getMessage());
        if ("23505".equals(state)) {
            return problem(HttpStatus.CONFLICT, messages.text("error.duplicate"), null);
        }
        return validation(List.of(new FieldProblem("body", messages.text("error.db.refused"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, messages.text("error.internal"), null);
    }

    ResponseEntity<ProblemDetail> validation(List<FieldProblem> problems) {
        List<FieldProblem> localised = problems.stream()
                .map(p -> new FieldProblem(p.field(), messages.text(p.message()))).toList();
        String detail = localised.isEmpty() ? messages.text("error.validation")
                : messages.text("error.validation.detail", localised.get(0).field(), localised.get(0).message());
        return problem(HttpStatus.BAD_REQUEST, detail, localised);
    }

    public ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(messages.text("error.title." + status.value()));
        if (errors != null) {
            pd.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static String path(DatabindException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
