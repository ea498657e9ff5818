package dev.forecourt.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.forecourt.platform.errors.ProblemResponses;

/**
 * Refuses, before anything reads them, requests no API of ours accepts: a body larger than
 * {@link #MAX_BODY} (413; the largest real request, a 200-line goods receipt, is tens of
 * kilobytes) — declared by {@code Content-Length}, or found while a chunked body streams in, in
 * which case reading stops at the limit and nothing beyond it is held in memory — and query
 * parameters containing NUL or other control characters (400), which no field of ours allows.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

    /** 1 MiB, the same limit the Idempotency-Key filter keeps answers for. */
    public static final long MAX_BODY = 1L << 20;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            tooLarge(response);
            return;
        }
        String query = request.getQueryString();
        if (query != null && hasControlCharacter(query)) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "Query parameters must not contain NUL or other control characters");
            return;
        }
        if (request.getContentLengthLong() >= 0) {
            chain.doFilter(request, response); // Tomcat stops reading at the declared length
            return;
        }
        try {
            chain.doFilter(new Limited(request), response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!causedByTooLarge(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.resetBuffer();
                tooLarge(response);
            }
        }
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large",
                "The body exceeds 1 MiB");
    }

    /** A body cut off at the limit: whoever read it (Jackson, a filter) failed, for this reason. */
    public static boolean causedByTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    /** %00–%1F and %7F, encoded or raw. */
    static boolean hasControlCharacter(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
            if (c == '%' && i + 2 < query.length()) {
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high == 0 || high == 1 && low >= 0 || high == 7 && low == 15) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Thrown by the limited stream when the body passes the limit. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("The body exceeds " + MAX_BODY + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > MAX_BODY) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
