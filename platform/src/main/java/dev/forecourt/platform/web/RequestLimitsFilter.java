package dev.forecourt.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.forecourt.platform.errors.ProblemResponses;

/**
 * Refuses, before anything reads them, requests no API of ours accepts: a body declared larger
 * than {@link #MAX_BODY} (413; the largest real request, a 200-line goods receipt, is tens of
 * kilobytes), and query parameters containing a NUL character (400), which MongoDB cannot take in
 * a query's regular expression or key and which no field of ours allows.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

    /** 1 MiB, the same limit the Idempotency-Key filter keeps answers for. */
    public static final long MAX_BODY = 1L << 20;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large",
                    "The body exceeds 1 MiB");
            return;
        }
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "Query parameters must not contain NUL characters");
            return;
        }
        chain.doFilter(request, response);
    }
}
