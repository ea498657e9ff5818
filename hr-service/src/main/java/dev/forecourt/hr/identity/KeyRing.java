package dev.forecourt.hr.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All signing keys in ONE document, so that a rotation (new key signs, old key stays published) is
 * a single optimistic-locked write: two instances rotating at once cannot both win, and a restart
 * finds the same keys, so tokens issued before it stay valid.
 *
 * <p>A superseded key is published until every token it signed has expired (access-token lifetime
 * plus the verifiers' clock skew); during that window the JWKS holds two keys.
 */
@Document("signing_keys")
public class KeyRing {

    static final String ID = "key-ring";

    @Id
    private String id = ID;
    @Version
    private Long version;
    private List<SigningKey> keys = new ArrayList<>();

    /** Makes a fresh key the signer, keeps the previous one published, drops keys nobody can still present. */
    void rotate(SigningKey fresh, Duration publishedAfterSuperseded) {
        Instant now = fresh.createdAt();
        List<SigningKey> next = new ArrayList<>();
        for (SigningKey key : keys) {
            SigningKey superseded = key.supersede(now);
            if (isPublished(superseded, now, publishedAfterSuperseded)) {
                next.add(superseded);
            }
        }
        next.add(fresh);
        keys = next;
    }

    /** Encrypts the private halves stored in plain (rings written before keys were encrypted); answers whether any was. */
    boolean encryptPlainKeys(java.util.function.UnaryOperator<SigningKey> encrypt) {
        boolean any = keys.stream().anyMatch(k -> !k.privateKeyIsEncrypted());
        keys = new ArrayList<>(keys.stream().map(encrypt).toList());
        return any;
    }

    Optional<SigningKey> signer() {
        return keys.stream().filter(SigningKey::signs).max(Comparator.comparing(SigningKey::createdAt));
    }

    List<SigningKey> published(Instant now, Duration publishedAfterSuperseded) {
        return keys.stream().filter(k -> isPublished(k, now, publishedAfterSuperseded)).toList();
    }

    private static boolean isPublished(SigningKey key, Instant now, Duration publishedAfterSuperseded) {
        return key.signs() || key.supersededAt().plus(publishedAfterSuperseded).isAfter(now);
    }

    public Long getVersion() { return version; }
    public List<SigningKey> getKeys() { return List.copyOf(keys); }
}
