package dev.forecourt.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct token once: an RS256 signature check costs more than the rest of a
 * simple read, and a front end sends the same token for up to 15 minutes. A verified token is
 * remembered until it expires, as the gateway does; a token of an employee who has left is refused
 * whether remembered or not.
 */
public class GuardedJwtDecoder implements JwtDecoder {

    /** Tokens of a store's staff in 15 minutes are a few hundred; beyond this the memory starts over. */
    static final int MAX_REMEMBERED = 10_000;

    private final JwtDecoder verifier;
    private final DepartedStaff departed;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public GuardedJwtDecoder(JwtDecoder verifier, DepartedStaff departed, Clock clock) {
        this.verifier = verifier;
        this.departed = departed;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt jwt = verified.get(token);
        if (jwt == null || jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(now)) {
            if (jwt != null) {
                verified.remove(token);
            }
            jwt = verifier.decode(token);
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        if (departed.refuses(jwt.getSubject(), jwt.getIssuedAt())) {
            throw new BadJwtException("The employee this token was issued to has left");
        }
        return jwt;
    }
}
