package dev.forecourt.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.web.server.ServerWebExchange;

/**
 * Request ids: a caller's {@code X-Request-Id} is kept when it is a reasonable token (so a
 * front-end can correlate its own logs), otherwise a random UUID is made up.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();


    private RequestIds() {
    }

    /** The request id of this exchange, or null before {@link RequestIdFilter} ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static String acceptOrCreate(String incoming) {
        return acceptable(incoming) ? incoming : random();
    }

    /** 1-128 of {@code [A-Za-z0-9._:-]}: no spaces, quotes or control characters (the id ends up in logs and JSON). */
    static boolean acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A version-4 UUID from ThreadLocalRandom: ids need to be unique, not unguessable, and SecureRandom is a shared lock. */
    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }
}
