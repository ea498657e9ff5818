package dev.forecourt.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads {@code Authorization: Bearer <token>} with a character loop instead of Spring Security's
 * regular expression per request (3 % of a read's CPU in the profile), with the same answers as its
 * {@code DefaultBearerTokenResolver}: no header or another scheme is an anonymous request; a header
 * that starts with {@code bearer} (any case) but is not {@code Bearer <b64token>} (RFC 6750: letters,
 * digits, {@code -._~+/}, then trailing {@code =}) is a 401 "Bearer token is malformed". Tokens are
 * not read from query parameters or forms (the default's settings too). The gateway has its own,
 * reactive, twin.
 */
public final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (header.length() <= SCHEME.length() + 1 || header.charAt(SCHEME.length()) != ' '
                || !isB64Token(header, SCHEME.length() + 1)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length() + 1);
    }

    /** {@code [a-zA-Z0-9-._~+/]+=*} from {@code from} to the end. */
    static boolean isB64Token(String value, int from) {
        int end = value.length();
        while (end > from && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end == from) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
