package dev.forecourt.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.forecourt.platform.errors.ProblemErrorController;
import dev.forecourt.platform.errors.ProblemResponses;

/** 401 and 403 from the security filters, and the firewall's 400, as problem+json like every other error. */
public final class ProblemAuthenticationHandlers {

    private ProblemAuthenticationHandlers() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid staff token is required (Authorization: Bearer ...)");
        };
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your position does not grant the permission this action needs");
    }

    /**
     * A request the firewall refused, answered here rather than through the error dispatch: a refused header
     * would be read again there (the answer's content negotiation reads {@code Accept}) and the refusal repeat
     * into an empty 400.
     */
    public static RequestRejectedHandler rejected() {
        // not the firewall's message, which quotes the refused header (a token, perhaps)
        return (request, response, e) -> write(response, HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                ProblemErrorController.REFUSED_BEFORE_THE_API);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail) throws IOException {
        ProblemResponses.write(response, status, type, title, detail);
    }
}
