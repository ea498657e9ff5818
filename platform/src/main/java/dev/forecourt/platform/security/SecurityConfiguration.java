package dev.forecourt.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Every service is an OAuth2 resource server: each API route needs a staff token signed with
 * RS256 by one of the keys hr-service publishes (unsigned and {@code alg:none} tokens fail), issued
 * for this store; the token's {@code permissions} claim becomes the authorities that
 * {@code @PreAuthorize("hasAuthority('parts:issue')")} checks. Health and API docs stay open.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class SecurityConfiguration {

    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/error"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain forecourtApiSecurity(HttpSecurity http, ForecourtProperties properties,
                                             JwtAuthenticationConverter permissionsConverter) throws Exception {
        List<String> open = new ArrayList<>(List.of(OPEN_PATHS));
        open.addAll(properties.security().publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(open.toArray(String[]::new)).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(permissionsConverter))
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()));
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter permissionsConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> permissions = jwt.getClaimAsStringList(Staff.PERMISSIONS);
            return permissions == null ? List.of()
                    : permissions.stream().map(p -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority(p)).toList();
        });
        converter.setPrincipalClaimName(Staff.USERNAME);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ForecourtProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.security().jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(tokenValidator(properties));
        return decoder;
    }

    /** Expiry, issuer (if configured) and store: a token of another store of the group is not valid here. */
    public static OAuth2TokenValidator<Jwt> tokenValidator(ForecourtProperties properties) {
        String issuer = properties.security().issuer();
        OAuth2TokenValidator<Jwt> standard = issuer == null || issuer.isBlank()
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        OAuth2TokenValidator<Jwt> sameStore = jwt -> properties.storeId().equals(jwt.getClaimAsString(Staff.STORE_ID))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was issued for another store", null));
        return new DelegatingOAuth2TokenValidator<>(standard, sameStore);
    }
}
