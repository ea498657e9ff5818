package dev.forecourt.claims.webhook;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpStatus;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.web.RequestLimitsFilter;

/**
 * The webhook's bytes exactly as signed, read raw — but never more than the platform's body limit:
 * a body past it (a chunked upload declares no length, so only reading finds out) is refused with
 * 413 {@code payload-too-large} as soon as the limit is passed, without reading the rest into memory.
 */
final class WebhookBody {

    /** The platform's limit for every body (1 MiB); an OEM status webhook is a few hundred bytes. */
    static final int LIMIT = (int) RequestLimitsFilter.MAX_BODY;

    private WebhookBody() {
    }

    static byte[] read(InputStream raw) throws IOException {
        byte[] body;
        try {
            body = raw.readNBytes(LIMIT + 1);
        } catch (IOException e) {
            if (RequestLimitsFilter.causedByTooLarge(e)) {
                throw tooLarge(); // the platform's limited stream found it first
            }
            throw e;
        }
        if (body.length > LIMIT) {
            throw tooLarge();
        }
        return body;
    }

    private static ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large", "The body exceeds 1 MiB");
    }
}
