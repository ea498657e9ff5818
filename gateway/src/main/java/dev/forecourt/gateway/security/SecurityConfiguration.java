package dev.forecourt.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import dev.forecourt.gateway.config.GatewayProperties;
import dev.forecourt.gateway.departures.DepartedStaff;
import dev.forecourt.gateway.web.Problems;
import dev.forecourt.platform.http.HeaderCharacters;

import reactor.core.publisher.Mono;

/**
 * The gateway is the first check of staff tokens (services check again): RS256 only, signed by
 * a key from hr-service's JWKS, not expired, issued by {@code forecourt-hr} for this store.
 * Sign-in, the key set, OEM webhooks (signed, verified by claims-service), health and API docs
 * are open; everything else needs a token. Stateless: no session, no saved requests.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
            "/api/v1/auth/**", "/.well-known/jwks.json", "/webhooks/**",
            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info",
            "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/webjars/**"};

    /** The actuator: metrics, Prometheus and health details (its public health paths are in {@link #PUBLIC_PATHS}). */
    static final String[] OPERATIONS_PATHS = {"/actuator", "/actuator/**"};

    /** The permission that opens metrics, Prometheus and health details through the gateway. */
    public static final String OPERATIONS_READ = "operations:read";

    /**
     * No observation decorator around each security filter at all ({@code management.observations.enable.spring.security=false}
     * made the observations no-ops, but every filter was still wrapped and asked the registry per request).
     * {@code forecourt.tracing.security-observations=true} brings them back, to look inside the security chain
     * (with {@code management.observations.enable.spring.security=true}).
     */
    @Bean
    @ConditionalOnProperty(name = "forecourt.tracing.security-observations", havingValue = "false", matchIfMissing = true)
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * @param managementPort {@code management.server.port}: when the actuator has a port of its own
     *                       (not published by the ingress), Prometheus scrapes it there without a token
     */
    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                           @Value("${management.server.port:-1}") int managementPort,
                                           @Value("${server.port:8080}") int serverPort) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid staff token is required (Authorization: Bearer ...)");
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "This token does not grant access here");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // CORS is answered before security by CorsFilter (a refusal as problem+json)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .authorizeExchange(authorize -> authorize.anyExchange().access(new GatewayAccess(PUBLIC_PATHS, OPERATIONS_PATHS,
                        OPERATIONS_READ, managementPort > 0 && managementPort != serverPort ? managementPort : -1)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(StaffAuthentication::of))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Keys are fetched from the JWKS URI on first use and cached; an unknown key id triggers a
     * refetch (hr-service rotated its key). Only RS256 is accepted, so {@code alg:none} and
     * HMAC tokens signed with a guessed secret fail before any claim is read.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties, DepartedStaff departedStaff) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.security().jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(StaffTokenValidators.of(properties.security().issuer(), properties.storeId()));
        return new VerifiedTokenCache(decoder, properties.security().verifiedTokenCache(), 50_000, Clock.systemUTC(), departedStaff);
    }

    /** Front-end origins from configuration; preflights from other origins are refused (403 problem+json). */
    @Bean
    CorsFilter corsFilter(GatewayProperties properties) {
        return new CorsFilter(CorsSettings.source(properties.cors()));
    }

    /**
     * The strict firewall (no {@code ..}, {@code ;}, encoded slash or percent, NUL, control
     * characters in the path) and, on top, no character in the query that the services' Tomcat
     * refuses unencoded ({@code [ ] { } | \ ^ ` < > "}): refused here with 400 problem+json instead
     * of an empty 400 here or Tomcat's HTML page there. Header names and values and parameter names
     * are checked as the strict firewall checks them, by {@link HeaderCharacters}.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();
        strict.setAllowedHeaderNames(HeaderCharacters.NAMES);
        strict.setAllowedHeaderValues(HeaderCharacters.VALUES);
        strict.setAllowedParameterNames(HeaderCharacters.NAMES);
        return exchange -> {
            String query = exchange.getRequest().getURI().getRawQuery();
            if (query != null) {
                for (int i = 0; i < query.length(); i++) {
                    if (UNENCODED_IN_QUERY.indexOf(query.charAt(i)) >= 0 || query.charAt(i) < 0x21) {
                        return Mono.error(new ServerExchangeRejectedException(
                                "The query contains a character that must be percent-encoded: " + query.charAt(i)));
                    }
                }
            }
            return strict.getFirewalledExchange(exchange);
        };
    }

    private static final String UNENCODED_IN_QUERY = "[]{}|\\^`<>\"";

    @Bean
    ServerExchangeRejectedHandler rejectedAsProblem() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                rejected.getMessage());
    }
}
