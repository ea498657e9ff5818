package dev.forecourt.platform.errors;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * What Tomcat answers itself, before Spring sees the request (a malformed request line such as an
 * unencoded {@code [} in the query, an oversized header), as problem+json in UTF-8 instead of its
 * HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String slug = switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "request-header-fields-too-large";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
        String detail = status >= 500 ? "Something went wrong on our side; the request may be retried"
                : "The request was refused before it reached the API (malformed or oversized)";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ProblemTypes.BASE + slug + "\",\"title\":\"" + slug.replace('-', ' ')
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to tell it
        }
        response.getCoyoteResponse().action(ActionCode.CLOSE, null);
    }
}
