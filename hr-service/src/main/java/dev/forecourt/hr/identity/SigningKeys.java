package dev.forecourt.hr.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.HrProperties;

/**
 * The key ring as this instance sees it: the key that signs now and the keys verifiers must still
 * accept. Reads are cached briefly; a token naming a key this instance has not seen yet (another
 * instance rotated) makes it reload at once.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CACHE = Duration.ofSeconds(30);
    /** Tokens naming unknown keys (forged ones, too) cause at most one reload per interval. */
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(2);
    /** Spring Security's timestamp validators accept tokens up to 60 s past their expiry. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private record Snapshot(KeyRing ring, Instant loadedAt) {
    }

    private final MongoTemplate mongo;
    private final KeyEncryption encryption;
    private final Clock clock;
    private final Duration publishedAfterSuperseded;
    private volatile Snapshot snapshot;

    SigningKeys(MongoTemplate mongo, KeyEncryption encryption, Clock clock, HrProperties properties) {
        this.mongo = mongo;
        this.encryption = encryption;
        this.clock = clock;
        this.publishedAfterSuperseded = properties.identity().accessTokenTtl().plus(CLOCK_SKEW);
    }

    /** The key new tokens are signed with; the first call on an empty database creates the ring. */
    public SigningKey signer() {
        return ring(false).signer().orElseGet(() -> rotate().signer().orElseThrow());
    }

    public List<SigningKey> published() {
        return ring(false).published(clock.instant(), publishedAfterSuperseded);
    }

    public JWKSet publicJwks() {
        return new JWKSet(published().stream().map(k -> (JWK) k.publicJwk()).toList());
    }

    /** What the local JwtDecoder verifies against: only keys of this ring, reloaded when a token names an unknown one. */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = selector.select(publicJwks());
            if (found.isEmpty() && snapshot.loadedAt().plus(MIN_RELOAD_INTERVAL).isBefore(clock.instant())) {
                ring(true);
                found = selector.select(publicJwks());
            }
            return found;
        };
    }

    /** Starts signing with a new key; the previous signer stays published until its tokens have expired. */
    public KeyRing rotate() {
        while (true) {
            KeyRing ring = load();
            boolean fresh = ring == null;
            if (fresh) {
                ring = new KeyRing();
            }
            ring.rotate(SigningKey.generate(clock.instant(), encryption), publishedAfterSuperseded);
            try {
                KeyRing saved = fresh ? mongo.insert(ring) : mongo.save(ring);
                snapshot = new Snapshot(saved, clock.instant());
                log.info("Signing key rotated: {} signs now; published {}", saved.signer().map(SigningKey::kid).orElse("?"),
                        saved.published(clock.instant(), publishedAfterSuperseded).stream().map(SigningKey::kid).toList());
                return saved;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                // another instance changed the ring meanwhile; its result counts unless we still have no signer
                KeyRing theirs = load();
                if (theirs != null && theirs.signer().isPresent()) {
                    snapshot = new Snapshot(theirs, clock.instant());
                    return theirs;
                }
            }
        }
    }

    /** The private half of a key of this ring, decrypted, for signing. */
    RSAKey privateJwk(SigningKey key) {
        return key.privateJwk(encryption);
    }

    /**
     * Encrypts private keys a ring written before keys were encrypted still holds in plain; another
     * instance doing the same at the same time wins, which is as good.
     */
    void encryptPlainKeys() {
        KeyRing ring = load();
        if (ring != null && ring.encryptPlainKeys(key -> key.encrypted(encryption))) {
            try {
                snapshot = new Snapshot(mongo.save(ring), clock.instant());
                log.info("Signing keys stored in plain are now encrypted at rest");
            } catch (OptimisticLockingFailureException concurrent) {
                log.info("Signing keys were changed by another instance meanwhile; it encrypts them");
            }
        }
    }

    /** Age of the signing key, for scheduled rotation. */
    Duration signerAge() {
        return Duration.between(signer().createdAt(), clock.instant());
    }

    private KeyRing ring(boolean reload) {
        Snapshot current = snapshot;
        if (reload || current == null || current.loadedAt().plus(CACHE).isBefore(clock.instant())) {
            KeyRing loaded = load();
            if (loaded == null) {
                loaded = rotate();
            }
            current = new Snapshot(loaded, clock.instant());
            snapshot = current;
        }
        return current.ring();
    }

    private KeyRing load() {
        return mongo.findById(KeyRing.ID, KeyRing.class);
    }
}
