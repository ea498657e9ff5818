package dev.forecourt.platform.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes a problem document from a servlet filter, where no controller advice runs. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Texts are our own constants, never user input, so they need no JSON escaping. */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8"); // not the servlet default, ISO-8859-1
        response.getWriter().write("{\"type\":\"" + ProblemTypes.BASE + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
