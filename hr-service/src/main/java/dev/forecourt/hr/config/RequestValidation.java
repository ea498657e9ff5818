package dev.forecourt.hr.config;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;

/**
 * Validates a request body inside the controller method, i.e. after {@code @PreAuthorize}.
 * With {@code @Valid} on the parameter, Spring MVC validates while binding, before method security
 * runs, so a caller without the permission would learn our validation rules (400) instead of being
 * refused (403). The answer has the same shape as the platform's own validation problems.
 */
@Component
public class RequestValidation {

    private final Validator validator;

    public RequestValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T request) {
        if (request == null) {
            throw ProblemException.invalid("The request needs a body");
        }
        List<FieldProblem> problems = validator.validate(request).stream().map(RequestValidation::fieldProblem).toList();
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        return request;
    }

    private static FieldProblem fieldProblem(ConstraintViolation<?> violation) {
        return new FieldProblem(violation.getPropertyPath().toString().replace(".<list element>", ""), violation.getMessage());
    }
}
