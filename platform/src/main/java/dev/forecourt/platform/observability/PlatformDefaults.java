package dev.forecourt.platform.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Conventions every service shares, as lowest-precedence defaults: a service's own
 * application.yml and the environment (12-factor) override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    /** Who may name the client in X-Forwarded-For by default: 127.0.0.1 and ::1 (not all of 127/8), the private ranges. */
    static final String TRUSTED_PROXIES = "127.0.0.1/32,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("forecourt.store-id", "${FORECOURT_STORE_ID:store-001}"),
            Map.entry("forecourt.service-name", "${spring.application.name:forecourt}"),
            Map.entry("spring.mongodb.uri", "${MONGODB_URI:mongodb://localhost:27017}"),
            Map.entry("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}"),
            Map.entry("spring.data.mongodb.auto-index-creation", "true"),
            Map.entry("spring.data.mongodb.representation.big-decimal", "decimal128"),
            Map.entry("spring.threads.virtual.enabled", "false"),
            Map.entry("server.error.include-stacktrace", "never"),
            // the client's address (and scheme) as the gateway names them in X-Forwarded-For (-Proto), believed only
            // when the connection comes from a trusted proxy (Tomcat's RemoteIpValve): from anyone else the headers are
            // ignored, so a client cannot choose the address it is counted under (hr's login throttle).
            // FORECOURT_TRUSTED_PROXIES: comma-separated CIDR blocks; the default is the loopback address the
            // embedded stack's gateway connects from and the private ranges the cluster's pods have
            Map.entry("server.forward-headers-strategy", "native"),
            Map.entry("server.tomcat.remoteip.internal-proxies", "${FORECOURT_TRUSTED_PROXIES:" + TRUSTED_PROXIES + "}"),
            // a refused over-size body (413) is read to its end rather than the connection cut mid-upload,
            // so the client (or the gateway) gets the problem answer instead of a reset
            Map.entry("server.tomcat.max-swallow-size", "16MB"),
            Map.entry("server.error.include-message", "never"),
            // our ProblemDetailsAdvice answers every error; Boot's own handler would shadow it
            Map.entry("spring.mvc.problemdetails.enabled", "false"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            // health is open: UP or DOWN only, no paths, disk space or database names
            Map.entry("management.endpoint.health.show-details", "never"),
            Map.entry("management.endpoint.health.show-components", "never"),
            Map.entry("management.health.mongodb.enabled", "false"),
            // a request sampled upstream (the gateway, a traceparent with the sampled flag) stays sampled throughout;
            // of the rest, one in ten: spans around every request and filter cost more CPU than the request itself
            Map.entry("management.tracing.sampling.probability", "0.1"),
            Map.entry("management.opentelemetry.tracing.export.enabled", "false"),
            Map.entry("management.otlp.metrics.export.enabled", "false"),
            // no http.server.requests.active (a long-task timer started and stopped around every request):
            // nothing reads it, and the request's timer and its percentiles stay
            Map.entry("management.metrics.observations.ignored-meters", "long-task-timer"),
            Map.entry("management.metrics.distribution.percentiles-histogram.http.server.requests", "true"),
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            Map.entry("springdoc.api-docs.path", "/v3/api-docs"),
            // OpenAPI 3.0: what the contract check's validator and most client generators read best
            Map.entry("springdoc.api-docs.version", "openapi_3_0"),
            Map.entry("logging.level.org.apache.kafka", "WARN"),
            Map.entry("logging.level.org.mongodb.driver", "WARN"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("forecourtPlatformDefaults", DEFAULTS));
    }
}
