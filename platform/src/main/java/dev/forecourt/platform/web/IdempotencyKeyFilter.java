package dev.forecourt.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.bson.Document;
import org.bson.types.Binary;
import dev.forecourt.platform.errors.ProblemResponses;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key is processed and its answer kept;
 * a repeat with the same key (same caller, same path, same body) gets that answer again
 * ({@code Idempotent-Replayed: true}) instead of acting twice. The same key with another body is
 * refused (422); a repeat while the first is still running gets 409. Server errors are not kept,
 * so the client may retry them. Keys are remembered for 24 hours.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final int MAX_BODY = 1 << 20;
    private static final Duration RETENTION = Duration.ofHours(24);

    private final MongoTemplate mongo;
    private final Clock clock;

    public IdempotencyKeyFilter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 255) {
            reject(response, HttpStatus.BAD_REQUEST, "validation", "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 255 characters");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            reject(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large", "The body exceeds 1 MiB");
            return;
        }
        String id = sha256(caller() + "\n" + request.getRequestURI() + "\n" + key);
        String requestHash = sha256(new String(body, StandardCharsets.ISO_8859_1));
        try {
            mongo.insert(new Document("_id", id).append("state", "IN_PROGRESS").append("requestHash", requestHash)
                    .append("createdAt", Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException seen) {
            replay(id, requestHash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
        } else {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                    .set("state", "COMPLETED")
                    .set("status", recorded.getStatus())
                    .set("contentType", recorded.getContentType())
                    .set("location", recorded.getHeader(HttpHeaders.LOCATION))
                    .set("etag", recorded.getHeader(HttpHeaders.ETAG))
                    .set("body", new Binary(recorded.getContentAsByteArray())), COLLECTION);
        }
        recorded.copyBodyToResponse();
    }

    private void replay(String id, String requestHash, HttpServletResponse response) throws IOException {
        Document first = mongo.findById(id, Document.class, COLLECTION);
        if (first == null) {
            reject(response, HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is being processed; retry shortly");
        } else if (!requestHash.equals(first.getString("requestHash"))) {
            reject(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request body");
        } else if (!"COMPLETED".equals(first.getString("state"))) {
            reject(response, HttpStatus.CONFLICT, "request-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is being processed; retry shortly");
        } else {
            response.setStatus(first.getInteger("status"));
            response.setHeader("Idempotent-Replayed", "true");
            if (first.getString("contentType") != null) {
                response.setContentType(first.getString("contentType"));
            }
            if (first.getString("location") != null) {
                response.setHeader(HttpHeaders.LOCATION, first.getString("location"));
            }
            if (first.getString("etag") != null) {
                response.setHeader(HttpHeaders.ETAG, first.getString("etag"));
            }
            Binary body = first.get("body", Binary.class);
            if (body != null) {
                response.getOutputStream().write(body.getData());
            }
        }
    }

    /** Forgets keys older than the retention: the embedded store has no TTL indexes. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    public void forgetOldKeys() {
        mongo.remove(Query.query(Criteria.where("createdAt").lt(Date.from(clock.instant().minus(RETENTION)))), COLLECTION);
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static void reject(HttpServletResponse response, HttpStatus status, String type, String title, String detail) throws IOException {
        ProblemResponses.write(response, status, type, title, detail);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was read to hash it; the controller reads it again from here. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
