package dev.forecourt.hr.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.HrProperties;

/**
 * Slows password guessing down without letting anyone lock a colleague out. Wrong passwords are
 * counted per client address and per username (unknown usernames too, so the answer does not tell
 * who works here). From the {@code threshold}-th failure in a row on, the address or the username
 * is held back for a delay that doubles with every further failure ({@code baseDelay}, 2×, 4×, …,
 * at most {@code maxDelay}); while held back, logins are answered 429 with {@code Retry-After}
 * without looking at the password.
 *
 * <p>The username's delay does not hold back an address from which that user logged in
 * successfully before (her own workstation): anonymous failures from elsewhere slow the guessers
 * down, not the real user. Counting is one atomic {@code $inc} per key, so parallel guesses are
 * all counted. A success clears the username's count (not the address's: a guesser cannot reset
 * his address by logging in to his own account). Counts older than {@code window} start over.
 */
@Component
class LoginThrottle {

    static final String ADDRESS = "address:";
    static final String USERNAME = "username:";
    /** How many addresses per username are remembered as hers. */
    private static final int KNOWN_ADDRESSES = 10;

    /** Failures in a row for one key, until when it is held back, and (for usernames) the addresses it logged in from. */
    @Document("login_throttle")
    record Counter(@Id String key, int failures, Instant lastFailureAt, Instant heldUntil, List<String> knownAddresses) {
    }

    /** Why and until when a login attempt is held back. */
    record Hold(Instant until, String reason) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HrProperties.Identity settings;

    LoginThrottle(MongoTemplate mongo, Clock clock, HrProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = properties.identity();
    }

    /** The hold on this attempt, if the address or (from an address that is not hers) the username is held back. */
    Optional<Hold> holdOn(String username, String address) {
        Instant now = clock.instant();
        List<Hold> holds = new ArrayList<>();
        counter(ADDRESS + address).filter(c -> heldAt(c, now)).ifPresent(c -> holds.add(new Hold(c.heldUntil(), "address")));
        counter(USERNAME + username).filter(c -> heldAt(c, now) && !knows(c, address))
                .ifPresent(c -> holds.add(new Hold(c.heldUntil(), "username")));
        return holds.stream().max((a, b) -> a.until().compareTo(b.until()));
    }

    /** Records a wrong password; answers the hold it caused, if any. */
    Optional<Hold> recordFailure(String username, String address) {
        Optional<Hold> byAddress = isExempt(address) ? Optional.empty() : count(ADDRESS + address).map(until -> new Hold(until, "address"));
        Optional<Hold> byUsername = count(USERNAME + username).map(until -> new Hold(until, "username"));
        if (byAddress.isPresent()) {
            return byAddress;
        }
        return byUsername.filter(hold -> counter(USERNAME + username).map(c -> !knows(c, address)).orElse(true));
    }

    /** A successful login: the username's count starts over and the address is remembered as hers. */
    void recordSuccess(String username, String address) {
        Counter current = counter(USERNAME + username).orElse(null);
        List<String> known = new ArrayList<>(current == null || current.knownAddresses() == null ? List.of() : current.knownAddresses());
        known.remove(address);
        known.add(address);
        while (known.size() > KNOWN_ADDRESSES) {
            known.remove(0);
        }
        mongo.upsert(byKey(USERNAME + username), new Update().set("failures", 0).unset("heldUntil").set("knownAddresses", known),
                Counter.class);
    }

    /** Lifts the hold on a username and forgets its failures (the general manager or HR unlocking an employee). */
    boolean unlock(String username) {
        Instant now = clock.instant();
        boolean wasHeld = counter(USERNAME + username).filter(c -> heldAt(c, now)).isPresent();
        mongo.updateFirst(byKey(USERNAME + username), new Update().set("failures", 0).unset("heldUntil"), Counter.class);
        return wasHeld;
    }

    /** The delay after the {@code failures}-th failure in a row: none below the threshold, then doubling up to the maximum. */
    Duration delayAfter(int failures) {
        if (failures < settings.loginThrottleThreshold()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - settings.loginThrottleThreshold(), 30);
        Duration delay = settings.loginThrottleBaseDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.loginThrottleMaxDelay()) > 0 ? settings.loginThrottleMaxDelay() : delay;
    }

    private Optional<Instant> count(String key) {
        Instant now = clock.instant();
        Query stale = Query.query(Criteria.where("_id").is(key).and("lastFailureAt").lt(now.minus(settings.loginThrottleWindow())));
        mongo.updateFirst(stale, new Update().set("failures", 0), Counter.class);
        Counter counted = mongo.findAndModify(byKey(key), new Update().inc("failures", 1).set("lastFailureAt", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
        Duration delay = delayAfter(counted == null ? 1 : counted.failures());
        if (delay.isZero()) {
            return Optional.empty();
        }
        Instant until = now.plus(delay);
        mongo.updateFirst(byKey(key), new Update().set("heldUntil", until), Counter.class);
        return Optional.of(until);
    }

    private boolean isExempt(String address) {
        return settings.loginThrottleExemptAddresses().stream().anyMatch(range -> ClientAddress.inRange(address, range));
    }

    private Optional<Counter> counter(String key) {
        return Optional.ofNullable(mongo.findById(key, Counter.class));
    }

    private static boolean heldAt(Counter counter, Instant now) {
        return counter.heldUntil() != null && counter.heldUntil().isAfter(now);
    }

    private static boolean knows(Counter counter, String address) {
        return counter.knownAddresses() != null && counter.knownAddresses().contains(address);
    }

    /**
     * Forgets keys that are neither held back nor recently failed and remember no address (unknown
     * usernames and addresses are counted too, and the embedded MongoDB-wire server has no TTL indexes).
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldCounts() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.loginThrottleWindow()).minus(settings.loginThrottleMaxDelay());
        mongo.remove(Query.query(Criteria.where("lastFailureAt").lt(cutoff).and("knownAddresses").exists(false)), Counter.class);
        mongo.updateMulti(Query.query(Criteria.where("lastFailureAt").lt(cutoff).and("knownAddresses").exists(true)),
                new Update().set("failures", 0).unset("heldUntil"), Counter.class);
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }
}
