package dev.forecourt.platform.errors;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.forecourt.platform.web.RequestLimitsFilter;
import dev.forecourt.platform.web.strict.StrictJson;

/**
 * The one place where failures become RFC 9457 problem details. Every answer has a stable
 * {@code type}; validation answers list the failing fields; 5xx answers never carry internal
 * messages or stack traces.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(ProblemTypes.uri(e.type()));
        body.setTitle(e.title());
        if (!e.fieldProblems().isEmpty()) {
            body.setProperty("errors", e.fieldProblems());
        }
        e.properties().forEach(body::setProperty);
        return ResponseEntity.status(e.status()).body(body);
    }

    /** Domain failures carry no HTTP: their kind decides the status, everything else is kept as raised. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        HttpStatus status = statusOf(e);
        ProblemException problem = new ProblemException(status, e.type(), e.title(), e.getMessage(), e.fieldProblems());
        e.properties().forEach(problem::with);
        ResponseEntity<Object> answer = problem(problem);
        if (e instanceof VersionConflict version && version.currentVersion() != null) {
            return ResponseEntity.status(status).eTag(ETags.of(version.currentVersion())).body(answer.getBody());
        }
        return answer;
    }

    static HttpStatus statusOf(DomainException e) {
        if (e instanceof RuleViolated) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (e instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof InvalidValue) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.CONFLICT; // IllegalTransition, Conflict, VersionConflict
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> versionConflict(OptimisticLockingFailureException e) {
        return problem(ProblemException.conflict("version-conflict", "Changed by someone else",
                "The resource was changed since you read it; reload and try again"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return problem(ProblemException.conflict("duplicate", "Already exists", "A resource with the same identity already exists"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> forbidden(RuntimeException e) {
        return problem(new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your position does not grant the permission this action needs"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        return problem(ProblemException.invalidFields(e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                // a value object refused the parameter, e.g. If-Match or a date out of range
                return domain.fieldProblems().isEmpty()
                        ? problem(ProblemException.invalid("Parameter '" + e.getName() + "': " + domain.getMessage(),
                                new FieldProblem(e.getName(), domain.getMessage())))
                        : domain(domain);
            }
        }
        return problem(ProblemException.invalid("Parameter '" + e.getName() + "' has the wrong type",
                new FieldProblem(e.getName(), "has the wrong type")));
    }

    /** A parameter bound as a path that does not exist, e.g. {@code page[$ne]=} against the paging record. */
    @ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
    ResponseEntity<Object> invalidProperty(org.springframework.beans.InvalidPropertyException e) {
        return problem(ProblemException.invalid("Parameter '" + e.getPropertyName() + "' is not one of this resource's",
                new FieldProblem(e.getPropertyName(), "is not a parameter of this resource")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; the request may be retried");
        body.setType(ProblemTypes.uri("internal"));
        body.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> fields.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return problem(ProblemException.invalidFields(fields));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        // A parameter object (paging, a body) names its own field, as it does when Spring validates it alone
        List<FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                fields.add(new FieldProblem(err instanceof FieldError field ? field.getField() : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage()))));
        return problem(ProblemException.invalidFields(fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (RequestLimitsFilter.causedByTooLarge(e)) {
            return problem(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large",
                    "The body exceeds 1 MiB"));
        }
        String field = jsonPath(e);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                // a value object refused its value while the body was read, e.g. Money with three decimals
                return domain(field == null || !domain.fieldProblems().isEmpty() ? domain
                        : withField(domain, field));
            }
            if (cause instanceof tools.jackson.core.JacksonException jackson && jackson.getOriginalMessage() != null
                    && jackson.getOriginalMessage().startsWith(StrictJson.REFUSED) && field != null) {
                String why = jackson.getOriginalMessage().substring(StrictJson.REFUSED.length());
                return problem(new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                        "The body is refused at '" + field + "': " + why, List.of(new FieldProblem(field, why))));
            }
            if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                String name = field == null ? unknown.getPropertyName() : field;
                return problem(new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                        "The body has a property this resource does not know: '" + name + "'",
                        List.of(new FieldProblem(name, "is not a property of this resource"))));
            }
        }
        if (field != null) {
            return problem(new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The body does not fit this resource at '" + field + "'",
                    List.of(new FieldProblem(field, "is missing, or has the wrong type or format"))));
        }
        return problem(new ProblemException(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The body is not valid JSON for this resource"));
    }

    /** Everything Spring MVC answers itself (404 route, 405, 415, ...) still gets a stable type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.uri(slugFor(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** The same failure, naming the body field that carried the refused value. */
    private static DomainException withField(DomainException e, String field) {
        InvalidValue named = new InvalidValue(e.getMessage(), new FieldProblem(field, e.getMessage()));
        if (e instanceof RuleViolated) {
            RuleViolated rule = new RuleViolated(e.type(), e.title(), e.getMessage(), new FieldProblem(field, e.getMessage()));
            e.properties().forEach(rule::with);
            return rule;
        }
        return named;
    }

    /** Where in the body reading failed, e.g. {@code lines[2].quantity}, when Jackson knows it. */
    private static String jsonPath(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (var reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    private static String slugFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
