package dev.forecourt.hr.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.HrProperties;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.store.ForecourtProperties;

/** Signs staff access tokens (RS256) with the key ring's current key, carrying the claims of the service guide. */
@Component
class TokenIssuer {

    static final String DEFAULT_ISSUER = "forecourt-hr";

    private final SigningKeys keys;
    private final ForecourtProperties store;
    private final Clock clock;
    private final Duration ttl;

    TokenIssuer(SigningKeys keys, ForecourtProperties store, Clock clock, HrProperties properties) {
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        this.ttl = properties.identity().accessTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    String accessToken(StaffPrincipal principal) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(principal.subject())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(Staff.USERNAME, principal.username())
                .claim(Staff.NAME, principal.name())
                .claim(Staff.STORE_ID, store.storeId())
                .claim(Staff.POSITION, principal.position())
                .claim(Staff.PERMISSIONS, principal.permissions())
                .build();
        SigningKey key = keys.signer();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.privateJwk(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token with key " + key.kid(), e);
        }
        return jwt.serialize();
    }

    /** The issuer every verifier is configured to expect ({@code forecourt.security.issuer}). */
    private String issuer() {
        String configured = store.security().issuer();
        return configured == null || configured.isBlank() ? DEFAULT_ISSUER : configured;
    }
}
