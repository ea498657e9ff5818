package dev.forecourt.hr.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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
 * Opaque, single-use refresh tokens. Only a SHA-256 of each is stored, so the database does not
 * hold usable tokens. Redeeming marks the token used in one conditional update: a token replayed
 * (or raced) is redeemed once at most.
 */
@Component
class RefreshTokens {

    @Document("refresh_tokens")
    record RefreshToken(@Id String hash, String username, Instant issuedAt, Instant expiresAt, Instant usedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration ttl;

    RefreshTokens(MongoTemplate mongo, Clock clock, HrProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.ttl = properties.identity().refreshTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    String issue(String username) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        mongo.insert(new RefreshToken(hash(token), username, now, now.plus(ttl), null));
        return token;
    }

    /** The username the token was issued to, if it is unused and unexpired; it cannot be used again. */
    Optional<String> redeem(String token) {
        Instant now = clock.instant();
        Query unusedAndValid = Query.query(Criteria.where("_id").is(hash(token)).and("usedAt").is(null).and("expiresAt").gt(now));
        RefreshToken redeemed = mongo.findAndModify(unusedAndValid, new Update().set("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), RefreshToken.class);
        return Optional.ofNullable(redeemed).map(RefreshToken::username);
    }

    /** The embedded MongoDB-wire server has no TTL indexes, so expired tokens are removed here. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void removeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), RefreshToken.class);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
