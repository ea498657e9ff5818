package dev.forecourt.platform.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the servlet container's error dispatch ({@code /error}) with a problem document instead
 * of Spring Boot's {@code {"timestamp", "status", "error", "path"}}: whatever called
 * {@code sendError} before any controller ran (Spring Security's firewall refusing a URL with
 * {@code ..}, {@code ;}, an encoded slash or NUL; a filter) still answers
 * {@code application/problem+json} with a stable type.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    /** What a 400 sent before any controller ran says, here and from the firewall's own handler. */
    public static final String REFUSED_BEFORE_THE_API = "The request was refused before it reached the API (e.g. a URL with '..', "
            + "';', an encoded slash or a NUL character, a header with a control character)";

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (!status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(ProblemTypes.uri(status.name().toLowerCase().replace('_', '-')));
        body.setTitle(status.getReasonPhrase());
        body.setDetail(status.is5xxServerError() ? "Something went wrong on our side; the request may be retried"
                : status == HttpStatus.BAD_REQUEST ? REFUSED_BEFORE_THE_API : status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
