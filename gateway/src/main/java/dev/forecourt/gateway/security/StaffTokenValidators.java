package dev.forecourt.gateway.security;

import java.time.Instant;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The claim checks of a staff token, the same as the services' (platform's) checks. */
final class StaffTokenValidators {

    static final String STORE_ID = "storeId";

    private StaffTokenValidators() {
    }

    /**
     * Timestamps (with Spring's 60 s clock skew) and issuer; an expiry must be present (a token
     * without one would be valid forever); the {@code storeId} must be this deployment's store,
     * since a dealer group's stores may share one identity provider.
     */
    static OAuth2TokenValidator<Jwt> of(String issuer, String storeId) {
        OAuth2TokenValidator<Jwt> standard = issuer == null || issuer.isBlank()
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
        OAuth2TokenValidator<Jwt> sameStore = jwt -> storeId.equals(jwt.getClaimAsString(STORE_ID))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was issued for another store", null));
        return new DelegatingOAuth2TokenValidator<>(standard, expires, sameStore);
    }
}
