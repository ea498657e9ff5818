package dev.forecourt.devstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;

/** What the devstack runs, in start order: hr-service first, since every other part trusts its keys. */
final class StackComponents {

    /**
     * The gateway and the OEM simulator share the classpath with the services but own no data:
     * they must not pick up MongoDB, Kafka or the services' platform.
     */
    private static final String NO_STORAGE_NO_PLATFORM = String.join(",",
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

    private StackComponents() {
    }

    static List<StackComponent> all(String mongoUri, String kafka) {
        return List.of(
                service("hr-service", "dev.forecourt.hr.HrApplication", 8081, mongoUri, kafka),
                service("parts-service", "dev.forecourt.parts.PartsApplication", 8084, mongoUri, kafka),
                service("sales-service", "dev.forecourt.sales.SalesApplication", 8082, mongoUri, kafka),
                service("service-order-service", "dev.forecourt.workshop.ServiceOrderApplication", 8083, mongoUri, kafka),
                service("claims-service", "dev.forecourt.claims.ClaimsApplication", 8085, mongoUri, kafka),
                service("crm-service", "dev.forecourt.crm.CrmApplication", 8086, mongoUri, kafka),
                new StackComponent("oem-simulator", "dev.forecourt.oemsim.OemSimulatorApplication", 8090,
                        WebApplicationType.SERVLET, "application", shared(8090, Map.of(
                        "spring.autoconfigure.exclude", String.join(",", NO_STORAGE_NO_PLATFORM, STAFF_SECURITY)))),
                new StackComponent("gateway", "dev.forecourt.gateway.GatewayApplication", 8080,
                        WebApplicationType.REACTIVE, "gateway", shared(8080, Map.of(
                        "spring.autoconfigure.exclude", NO_STORAGE_NO_PLATFORM))));
    }

    private static StackComponent service(String module, String application, int port, String mongoUri, String kafka) {
        return new StackComponent(module, application, port, WebApplicationType.SERVLET, "application", shared(port, Map.of(
                "spring.mongodb.uri", mongoUri,
                "spring.kafka.bootstrap-servers", kafka,
                "forecourt.demo-data", "true",
                "spring.cloud.gateway.server.webflux.enabled", "false")));
    }

    /** Settings every context of the one JVM needs so that they do not step on each other. */
    private static Map<String, Object> shared(int port, Map<String, Object> own) {
        Map<String, Object> properties = new HashMap<>(own);
        properties.put("server.port", port);
        properties.put("management.metrics.use-global-registry", "false");
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.forecourt", "INFO");
        return properties;
    }
}
