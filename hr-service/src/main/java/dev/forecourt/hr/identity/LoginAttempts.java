package dev.forecourt.hr.identity;

import java.time.Clock;
import java.time.Instant;
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
 * Counts wrong passwords per username and locks the username for a while after too many in a row
 * (within one lockout period of each other).
 * Counting is one atomic {@code $inc}, so parallel guesses are all counted. Unknown usernames are
 * counted too: the answer must not tell whether an account exists.
 */
@Component
class LoginAttempts {

    /** Wrong passwords since the last success, unless the last one is older than a lockout period (then counting starts over). */
    @Document("login_attempts")
    record Attempts(@Id String username, int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HrProperties.Identity settings;

    LoginAttempts(MongoTemplate mongo, Clock clock, HrProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = properties.identity();
    }

    Optional<Instant> lockedUntil(String username) {
        Attempts attempts = mongo.findById(username, Attempts.class);
        return attempts == null || attempts.lockedUntil() == null || !attempts.lockedUntil().isAfter(clock.instant())
                ? Optional.empty() : Optional.of(attempts.lockedUntil());
    }

    /** Records a wrong password; answers until when the username is locked if this one locked it. */
    Optional<Instant> recordFailure(String username) {
        Instant now = clock.instant();
        Query stale = Query.query(Criteria.where("_id").is(username).and("lastFailureAt").lt(now.minus(settings.lockout())));
        mongo.updateFirst(stale, new Update().set("failures", 0), Attempts.class);
        Attempts counted = mongo.findAndModify(byUsername(username), new Update().inc("failures", 1).set("lastFailureAt", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Attempts.class);
        if (counted == null || counted.failures() < settings.maxFailedLogins()) {
            return Optional.empty();
        }
        Instant until = now.plus(settings.lockout());
        mongo.updateFirst(byUsername(username), new Update().set("failures", 0).set("lockedUntil", until), Attempts.class);
        return Optional.of(until);
    }

    void recordSuccess(String username) {
        mongo.updateFirst(byUsername(username), new Update().set("failures", 0).unset("lockedUntil"), Attempts.class);
    }

    /**
     * Forgets usernames that are neither locked nor recently guessed at (unknown usernames are
     * counted too, and the embedded MongoDB-wire server has no TTL indexes).
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldAttempts() {
        Instant cutoff = clock.instant().minus(settings.lockout());
        mongo.remove(Query.query(Criteria.where("lastFailureAt").lt(cutoff)
                .orOperator(Criteria.where("lockedUntil").is(null), Criteria.where("lockedUntil").lt(clock.instant()))), Attempts.class);
    }

    private static Query byUsername(String username) {
        return Query.query(Criteria.where("_id").is(username));
    }
}
