package dev.forecourt.gateway.departures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Staff who left the store, by token subject (the employee id), with when they left: their access
 * tokens are refused although still signed and unexpired. An entry is kept only as long as a token
 * issued before the departure can live ({@code token-lifetime} plus the 60 s clock skew tokens are
 * allowed); hr-service issues them no new ones. In memory: rebuilt on start from the last
 * {@code token-lifetime} of hr's events ({@link DepartedStaffListener}).
 */
public class DepartedStaff {

    /** The clock skew the token validators allow: a token may be a minute "from the future". */
    static final Duration SKEW = Duration.ofSeconds(60);

    private final Map<String, Instant> leftAt = new ConcurrentHashMap<>();
    private final Duration tokenLifetime;
    private final Clock clock;
    private volatile boolean empty = true;

    public DepartedStaff(Duration tokenLifetime, Clock clock) {
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /** The employee left at {@code when} (the event's time): tokens issued before it are refused. */
    public void left(String subject, Instant when) {
        if (when.plus(tokenLifetime).plus(SKEW).isBefore(clock.instant())) {
            return; // every token from before has expired already
        }
        leftAt.merge(subject, when, (a, b) -> a.isAfter(b) ? a : b);
        empty = false;
    }

    /** True when the token belongs to someone who left after it was issued (or it tells no issue time). */
    public boolean refuses(Jwt jwt) {
        if (empty) {
            return false;
        }
        Instant when = leftAt.get(jwt.getSubject());
        if (when == null) {
            return false;
        }
        if (when.plus(tokenLifetime).plus(SKEW).isBefore(clock.instant())) {
            leftAt.remove(jwt.getSubject(), when);
            return false;
        }
        Instant issuedAt = jwt.getIssuedAt();
        // a token issued up to the skew after the departure may still come from before it
        return issuedAt == null || issuedAt.isBefore(when.plus(SKEW));
    }

    /** Forgets departures whose tokens have all expired. */
    public void purge() {
        Instant horizon = clock.instant().minus(tokenLifetime).minus(SKEW);
        leftAt.values().removeIf(when -> when.isBefore(horizon));
        empty = leftAt.isEmpty();
    }

    int size() {
        return leftAt.size();
    }
}
