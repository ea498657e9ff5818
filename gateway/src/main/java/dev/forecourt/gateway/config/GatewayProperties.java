package dev.forecourt.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings (file {@code gateway.yml}, overridable by environment variables).
 *
 * @param storeId     {@code FORECOURT_STORE_ID}: a token must carry this {@code storeId}
 * @param security    where the keys are and which issuer is trusted
 * @param services    the downstream services by name: base URL and the path prefixes they own
 * @param cors        front-end origins allowed to call the API from a browser
 * @param rateLimit   throttles per staff member, per client address and on sign-in
 * @param breaker     per-route circuit breakers
 * @param health      how downstream health is probed
 * @param limits      the largest request the gateway lets through
 * @param departures  where hr announces departed staff, whose tokens are refused
 * @param openapi     how the services' OpenAPI documents are served through the gateway
 */
@ConfigurationProperties("forecourt")
public record GatewayProperties(
        @DefaultValue("store-001") String storeId,
        @DefaultValue Security security,
        Map<String, Service> services,
        @DefaultValue Cors cors,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Breaker breaker,
        @DefaultValue Health health,
        @DefaultValue Limits limits,
        @DefaultValue Departures departures,
        @DefaultValue OpenApi openapi) {

    public GatewayProperties {
        services = services == null ? Map.of() : services;
    }

    /**
     * @param jwksUri hr-service's key set (or a dealer group's OIDC provider)
     * @param issuer  the expected {@code iss}
     * @param verifiedTokenCache how long a verified token is trusted without checking its signature again
     *                           (within its expiry); 0 checks every request
     */
    public record Security(
            @DefaultValue("http://localhost:8081/.well-known/jwks.json") String jwksUri,
            @DefaultValue("forecourt-hr") String issuer,
            @DefaultValue("60s") Duration verifiedTokenCache) {
    }

    /**
     * @param url   base URL of the service
     * @param paths Ant-style path patterns routed to it
     */
    public record Service(URI url, @DefaultValue List<String> paths) {
    }

    /**
     * @param allowedOrigins origins or origin patterns ({@code http://localhost:*}); empty allows none
     * @param maxAge         how long a browser may cache a preflight answer
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
    }

    /**
     * Throttles sized for one store, each an in-memory token bucket per key (one gateway instance
     * per store; several instances would each count on their own — a shared store such as Redis
     * would be needed then).
     *
     * @param enabled    off only for measurements of the raw routing cost
     * @param perUser    per staff member (the token's {@code sub}), on routed requests
     * @param perAddress per client address (the TCP peer; X-Forwarded-For is not trusted), on every request
     * @param signIn     per client address on sign-in ({@code POST /api/v1/auth/token}), on top of {@code perAddress}
     * @param idleAfter  a client's bucket is forgotten after this long without requests
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            Bucket perUser,
            Bucket perAddress,
            Bucket signIn,
            @DefaultValue("10m") Duration idleAfter) {

        public RateLimit {
            perUser = perUser != null ? perUser : new Bucket(40, 20, Duration.ofSeconds(1));
            perAddress = perAddress != null ? perAddress : new Bucket(100, 50, Duration.ofSeconds(1));
            signIn = signIn != null ? signIn : new Bucket(10, 10, Duration.ofMinutes(1));
        }
    }

    /**
     * @param burst requests a client may send at once (the bucket's size)
     * @param rate  requests given back every {@code per}
     * @param per   the period of {@code rate}
     */
    public record Bucket(long burst, long rate, @DefaultValue("1s") Duration per) {
        public Bucket {
            if (burst < 1 || rate < 1 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs burst >= 1, rate >= 1 and a positive period");
            }
        }
    }

    /**
     * @param timeout          a downstream call taking longer fails (and counts against the breaker)
     * @param openFor          how long an open breaker refuses calls; also the 503's Retry-After
     * @param failureRate      percentage of failed calls that opens the breaker
     * @param slidingWindow    number of recent calls the failure rate is computed over
     * @param minimumCalls     calls needed before the failure rate is judged
     */
    public record Breaker(
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("10s") Duration openFor,
            @DefaultValue("50") float failureRate,
            @DefaultValue("20") int slidingWindow,
            @DefaultValue("10") int minimumCalls) {
    }

    /** @param timeout a service that does not answer its health check in time counts as DOWN */
    public record Health(@DefaultValue("2s") Duration timeout) {
    }

    /**
     * @param maxBodySize a request body larger than this is refused with 413 on every route, whether
     *                    its length is declared or it is streamed ({@code Transfer-Encoding: chunked})
     * @param discardUpTo the bytes of a refused body are discarded as they arrive (never held) up to
     *                    this many, so the client can read its 413; a longer body gets the 413 and the
     *                    connection is closed
     */
    public record Limits(
            @DefaultValue("1MB") DataSize maxBodySize,
            @DefaultValue("16MB") DataSize discardUpTo) {
    }

    /**
     * @param topic         hr's event topic ({@code forecourt.hr.employee-left.v1} is read from it;
     *                      Kafka from {@code spring.kafka.bootstrap-servers}, off when that is blank)
     * @param tokenLifetime the longest an access token lives (hr's access-token TTL): how long a
     *                      departure is remembered and how far back the topic is read on start
     */
    public record Departures(
            @DefaultValue("forecourt.hr.events") String topic,
            @DefaultValue("15m") Duration tokenLifetime) {
    }

    /**
     * @param publicUrl the gateway's URL as clients see it, written as every document's only
     *                  {@code servers} entry; the default {@code /} is the document's own origin
     * @param openPaths Ant patterns of the operations that need no token, shown without the bearer scheme
     */
    public record OpenApi(
            @DefaultValue("/") String publicUrl,
            @DefaultValue({"/api/v1/auth/token", "/api/v1/auth/refresh", "/.well-known/jwks.json", "/webhooks/**"})
            List<String> openPaths) {
    }
}
