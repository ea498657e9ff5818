package dev.forecourt.devstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/** What the devstack runs, in start order ({@link #needsAtStart}: hr-service first, since every other part trusts its keys). */
final class StackComponents {

    /**
     * The one list of what the shared classpath would wrongly switch on in the gateway and the OEM
     * simulator: they own no data, so no MongoDB, no Kafka auto-configuration and no services'
     * platform. On their own classpaths none of these exist, which is why only the devstack names
     * them.
     */
    static final String SHARED_CLASSPATH_EXCLUSIONS = String.join(",",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "dev.forecourt.platform.PlatformAutoConfiguration",
            "dev.forecourt.platform.security.SecurityConfiguration");

    /** The OEM simulator stands for the carmaker's system: it knows nothing of staff tokens. */
    private static final String STAFF_SECURITY = String.join(",",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration");

    /**
     * The reactive HTTP client's Reactor Netty resources are global to the JVM: a servlet context
     * that owns them disposes them when it closes, taking the gateway's Netty server down with it
     * (seen when a fault test stops one service). The servlet applications use no reactive client.
     */
    static final String REACTIVE_CLIENT = "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration";

    /**
     * Resilience4j's Spring Boot auto-configurations, as its jar lists them. Only claims-service and
     * the workshop have them on their own classpath; on the shared one they gave every other context
     * registries, metrics and health contributors of its own, and (while the two used Resilience4j's
     * annotations) five AspectJ aspects against whose pointcuts every bean was matched: 43 % of the
     * start-up threads' CPU at a restart (JFR, 2026-12-07).
     */
    static final String RESILIENCE4J = ImportCandidates.load(AutoConfiguration.class, StackComponents.class.getClassLoader())
            .getCandidates().stream().filter(name -> name.startsWith("io.github.resilience4j.")).collect(Collectors.joining(","));

    /** The modules whose own classpath has Resilience4j's Spring Boot auto-configurations (their poms). */
    private static final Set<String> WITH_RESILIENCE4J = Set.of("claims-service", "service-order-service");

    /**
     * Logback's metrics, off in every context: the JVM's one Logback context serves all of them, so each
     * context's counts would be every context's log lines; and binding them adds a listener to that
     * Logback context, which once broke another context setting up its logging at the same moment
     * ({@code ConcurrentModificationException} in {@code LoggerContext.fireOnLevelChange}: the stack did
     * not start).
     */
    static final String LOGBACK_METRICS = "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";

    /** The OEM simulator's (and claims-service's default) webhook secret, development only. */
    static final String OEM_WEBHOOK_SECRET = "whsec_Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0";
    /** The OEM's next secret in the devstack ("forecourt-dev-oem-next-secret"): claims-service accepts both. */
    static final String OEM_NEXT_WEBHOOK_SECRET = "whsec_Zm9yZWNvdXJ0LWRldi1vZW0tbmV4dC1zZWNyZXQ=";

    private StackComponents() {
    }

    /**
     * @param offset added to every port (HTTP, Kafka, MongoDB), so that a second stack (a test run, a
     *               benchmark) can run beside a developer's own; 0 gives the documented ports
     */
    static List<StackComponent> all(String mongoUri, String kafka, int offset) {
        String hr = url(8081, offset);
        String jwks = hr + "/.well-known/jwks.json";
        return List.of(
                service("hr-service", "dev.forecourt.hr.HrApplication", 8081 + offset, mongoUri, kafka, jwks, Map.of()),
                service("parts-service", "dev.forecourt.parts.PartsApplication", 8084 + offset, mongoUri, kafka, jwks,
                        Map.of("forecourt.parts.oem-parts-centre.url", url(8090, offset))),
                service("sales-service", "dev.forecourt.sales.SalesApplication", 8082 + offset, mongoUri, kafka, jwks,
                        Map.of("forecourt.sales.oem.url", url(8090, offset))),
                service("service-order-service", "dev.forecourt.workshop.ServiceOrderApplication", 8083 + offset, mongoUri, kafka, jwks,
                        Map.of("forecourt.peers.parts.url", url(8084, offset), "forecourt.peers.hr.url", hr,
                                "forecourt.workshop.oem.base-url", url(8090, offset))),
                service("claims-service", "dev.forecourt.claims.ClaimsApplication", 8085 + offset, mongoUri, kafka, jwks,
                        Map.of("forecourt.oem.url", url(8090, offset),
                                // two secrets, as while the OEM rotates (Standard Webhooks): the simulator signs with the first
                                "forecourt.oem.webhook-secret", OEM_WEBHOOK_SECRET + " " + OEM_NEXT_WEBHOOK_SECRET)),
                service("crm-service", "dev.forecourt.crm.CrmApplication", 8086 + offset, mongoUri, kafka, jwks,
                        Map.of("forecourt.crm.messages.sms-base-url", url(8090, offset))),
                new StackComponent("oem-simulator", "dev.forecourt.oemsim.OemSimulatorApplication", 8090 + offset,
                        WebApplicationType.SERVLET, "application", shared(8090 + offset, Map.of(
                        "spring.autoconfigure.exclude", String.join(",", SHARED_CLASSPATH_EXCLUSIONS, STAFF_SECURITY, REACTIVE_CLIENT, RESILIENCE4J),
                        // a servlet context: the gateway on the shared classpath must stay off here too
                        "spring.cloud.gateway.server.webflux.enabled", "false",
                        "oem-simulator.callback-url", url(8080, offset) + "/webhooks/oem/claim-status"))),
                new StackComponent("gateway", "dev.forecourt.gateway.GatewayApplication", 8080 + offset,
                        WebApplicationType.REACTIVE, "gateway", shared(8080 + offset, Map.of(
                        "spring.autoconfigure.exclude", String.join(",", SHARED_CLASSPATH_EXCLUSIONS, RESILIENCE4J),
                        // the gateway reads hr's departures from Kafka (its own consumer, not the services' platform)
                        "spring.kafka.bootstrap-servers", kafka,
                        "forecourt.security.jwks-uri", jwks,
                        "forecourt.services.hr.url", hr,
                        "forecourt.services.sales.url", url(8082, offset),
                        "forecourt.services.workshop.url", url(8083, offset),
                        "forecourt.services.parts.url", url(8084, offset),
                        "forecourt.services.claims.url", url(8085, offset),
                        "forecourt.services.crm.url", url(8086, offset)))));
    }

    /**
     * What must be up before a module starts. The services follow hr-service's topic (departures)
     * and trust its keys, so it comes first; the workshop's demo data opens repair orders whose parts
     * lines reserve stock at parts-service, so at a first start it waits for parts' demo stock; with the
     * data kept it seeds nothing and starts beside parts (it was the restart's last service, 5.4 s after
     * parts was ready). Nothing else calls another part while starting (events wait in Kafka; the gateway
     * reports DOWN until the services are UP). The OEM simulator needs no one, but started beside
     * hr-service it slowed hr's start, which everything waits for (restart: hr ready after 10.7 s instead
     * of 7.2 s): it waits too.
     *
     * @param seeding whether this start seeds the demo data (a first start: no data yet)
     */
    static Set<String> needsAtStart(String module, boolean seeding) {
        return switch (module) {
            case "hr-service" -> Set.of();
            case "service-order-service" -> seeding ? Set.of("hr-service", "parts-service") : Set.of("hr-service");
            default -> Set.of("hr-service");
        };
    }

    private static StackComponent service(String module, String application, int port, String mongoUri, String kafka,
                                          String jwks, Map<String, Object> own) {
        Map<String, Object> properties = new HashMap<>(own);
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("forecourt.security.jwks-uri", jwks);
        properties.put("forecourt.demo-data", "true");
        properties.put("spring.cloud.gateway.server.webflux.enabled", "false");
        properties.put("spring.autoconfigure.exclude",
                WITH_RESILIENCE4J.contains(module) ? REACTIVE_CLIENT : String.join(",", REACTIVE_CLIENT, RESILIENCE4J));
        return new StackComponent(module, application, port, WebApplicationType.SERVLET, "application", shared(port, properties));
    }

    private static String url(int port, int offset) {
        return "http://localhost:" + (port + offset);
    }

    /** Settings every context of the one JVM needs so that they do not step on each other. */
    private static Map<String, Object> shared(int port, Map<String, Object> own) {
        Map<String, Object> properties = new HashMap<>(own);
        properties.put("server.port", port);
        properties.merge("spring.autoconfigure.exclude", LOGBACK_METRICS, (theirs, logback) -> theirs + "," + logback);
        properties.put("management.metrics.use-global-registry", "false");
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.forecourt", "INFO");
        return properties;
    }
}
