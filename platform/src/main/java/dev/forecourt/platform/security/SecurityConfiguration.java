package dev.forecourt.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.forecourt.platform.http.HeaderCharacters;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Every service is an OAuth2 resource server: each API route needs a staff token signed with
 * RS256 by one of the keys hr-service publishes (unsigned and {@code alg:none} tokens fail), issued
 * for this store; the token's {@code permissions} claim becomes the authorities that
 * {@code @PreAuthorize("hasAuthority('parts:issue')")} checks. Health and API docs stay open.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class SecurityConfiguration {

    /**
     * Health (UP/DOWN only) for the orchestrator, Prometheus for the scraper that reads each pod
     * directly (the gateway does not route it), the API documents, the error dispatch.
     */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/error"};

    /** Metrics and the other actuator endpoints: for operations staff. */
    public static final String OPERATIONS = "operations:read";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain forecourtApiSecurity(HttpSecurity http, ForecourtProperties properties,
                                             JwtAuthenticationConverter permissionsConverter, BearerTokenResolver bearerTokens) throws Exception {
        List<String> open = new ArrayList<>(List.of(OPEN_PATHS));
        open.addAll(properties.security().publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(OPERATIONS)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(bearerTokens)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(permissionsConverter))
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()));
        return http.build();
    }

    /** The bearer token read without a regular expression per request (the same rules as Spring Security's). */
    @Bean
    @ConditionalOnMissingBean
    BearerTokenResolver bearerTokenResolver() {
        return new BearerTokens();
    }

    /**
     * Spring Security's strict firewall, its header rules checked by a loop instead of its regular expressions: it
     * checks a header each time it is read, and the kilobyte of the bearer token is read twice per request (the
     * resource server's DPoP check, then the token itself) — 6–10 % of a service's request threads on a read
     * (JFR, docs/benchmarks.md). The same rules, code point by code point ({@code HeaderCharactersTest}).
     */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        firewall.setAllowedParameterNames(HeaderCharacters.NAMES);
        return firewall;
    }

    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler requestRejectedHandler() {
        return ProblemAuthenticationHandlers.rejected();
    }

    /**
     * No observation (span, timer, events) around each Spring Security filter, authentication and
     * authorization: a fifth of a read's CPU in the profile, sampled or not. The request's own
     * observation ({@code http.server.requests}: its span, timer, trace id and {@link
     * dev.forecourt.platform.observability.KeptTraces}) stays. {@code forecourt.tracing.security-observations=true}
     * brings them back, to look inside the security chain.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "forecourt.tracing.security-observations", havingValue = "false", matchIfMissing = true)
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
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

    @Bean
    DepartedStaff departedStaff(MongoTemplate mongo) {
        return new DepartedStaff(mongo);
    }

    /** Every token decoder of the service (hr-service has its own) remembers verified tokens and refuses departed staff. */
    @Bean
    static BeanPostProcessor guardedJwtDecoders(ObjectProvider<DepartedStaff> departed, ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof GuardedJwtDecoder)
                        ? new GuardedJwtDecoder(decoder, departed.getObject(), clock.getIfAvailable(Clock::systemUTC)) : bean;
            }
        };
    }

    /** Authorization before validation: a caller without the permission is refused before the body is read. */
    @Bean
    WebMvcConfigurer authorizationFirst() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuthorizationFirst());
            }
        };
    }

    /** Expiry (required), issuer (if configured) and store: a token of another store of the group is not valid here. */
    public static OAuth2TokenValidator<Jwt> tokenValidator(ForecourtProperties properties) {
        String issuer = properties.security().issuer();
        OAuth2TokenValidator<Jwt> standard = issuer == null || issuer.isBlank()
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        OAuth2TokenValidator<Jwt> sameStore = jwt -> properties.storeId().equals(jwt.getClaimAsString(Staff.STORE_ID))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was issued for another store", null));
        // without an expiry a token would be good for ever
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null);
        return new DelegatingOAuth2TokenValidator<>(standard, expires, sameStore);
    }
}
