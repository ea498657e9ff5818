package dev.forecourt.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one entry point of Forecourt: routes by resource, verifies staff tokens, limits rates,
 * breaks circuits and serves Swagger UI over every service's OpenAPI document.
 *
 * <p>The devstack runs this context in the same JVM as six servlet services and excludes what
 * their classpath would switch on here (its {@code StackComponents}); the settings live in
 * {@code gateway.yml}, not {@code application.yml}, so other contexts never read them. Start it with
 * {@link #builder()} or with the same three settings.
 */
@SpringBootApplication(excludeName = {
        // with Tomcat on the classpath (the devstack's, or the tests' stand-in services) it would
        // compete with Netty for the reactive server
        "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
        "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration"})
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
