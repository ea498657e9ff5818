package dev.forecourt.hr.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.forecourt.platform.security.SecurityConfiguration;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * hr-service verifies staff tokens against its own key ring instead of fetching its own JWKS over
 * HTTP (the platform's default): no start-up race with itself, and a rotation is seen at once.
 * Same rules as every other service: RS256 only (so unsigned and {@code alg:none} tokens fail),
 * expiry, issuer and store.
 */
@Configuration(proxyBeanMethods = false)
class LocalTokenVerification {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, ForecourtProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationKeys())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(SecurityConfiguration.tokenValidator(properties));
        return decoder;
    }
}
