package dev.forecourt.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.forecourt.embedded.InProcessKafka;
import dev.forecourt.embedded.InProcessMongo;

/**
 * The infrastructure of one test JVM, started once and shared by every test context in it: a real
 * Kafka broker, an in-memory MongoDB-wire server, and a JWKS endpoint for {@link TestTokens}.
 */
public final class ForecourtTestStack {

    private static InProcessKafka kafka;
    private static InProcessMongo mongo;

    private ForecourtTestStack() {
    }

    public static synchronized InProcessKafka kafka() {
        if (kafka == null) {
            try {
                kafka = new InProcessKafka(Files.createTempDirectory("forecourt-test-kafka"), 0).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
        }
        return kafka;
    }

    public static synchronized InProcessMongo mongo() {
        if (mongo == null) {
            mongo = InProcessMongo.inMemory();
        }
        return mongo;
    }

    public static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** Points a service's test context at the shared stack. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String service = context.getEnvironment().getProperty("spring.application.name", "service");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("forecourtTestStack", Map.of(
                    "spring.kafka.bootstrap-servers", bootstrapServers(),
                    "spring.mongodb.uri", mongo().uri(),
                    "spring.mongodb.database", "test-" + service,
                    "forecourt.security.jwks-uri", TestTokens.jwksUri(),
                    "forecourt.events.sweep-interval", "500ms",
                    "forecourt.events.retry-backoff", "50ms",
                    "forecourt.demo-data", "false")));
        }
    }
}
