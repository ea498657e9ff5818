package dev.forecourt.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one entry point of Forecourt: routes by resource, verifies staff tokens, limits rates,
 * breaks circuits and serves Swagger UI over every service's OpenAPI document.
 *
 * <p>The devstack runs this context in the same JVM as six servlet services, so the whole
 * shared classpath is visible here: Mongo, Kafka, the platform starter and Tomcat's reactive
 * server are excluded by name (names of absent classes are ignored), and the settings live in
 * {@code gateway.yml}, not {@code application.yml}, so other contexts never read them. Start it with
 * {@link #builder()} or with the same three settings.
 */
@SpringBootApplication(excludeName = {
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
        // with Tomcat on the classpath it would compete with Netty for the reactive server
        "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
        "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration",
        // the platform starter is for the servlet services (outbox, Kafka, Mongo)
        "dev.forecourt.platform.PlatformAutoConfiguration",
        "dev.forecourt.platform.security.SecurityConfiguration"})
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** The gateway reads {@code gateway.yml}; a devstack passes the same property. */
    public static final String CONFIG_NAME_PROPERTY = "spring.config.name=gateway";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** How the gateway must be started, alone or beside servlet contexts in one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties(CONFIG_NAME_PROPERTY);
    }
}
