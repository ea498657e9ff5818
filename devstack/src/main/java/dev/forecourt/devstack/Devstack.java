package dev.forecourt.devstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import dev.forecourt.embedded.InProcessKafka;
import dev.forecourt.embedded.InProcessMongo;

/**
 * The embedded default: one process that runs a real Kafka broker, a MongoDB-wire server with its
 * data on disk, the six services, the OEM simulator and the gateway, each as its own Spring
 * context on its own port. Services seed their demo data through their own domain code, so the
 * seeding also emits events. Stopping and starting again keeps the data.
 */
public final class Devstack {

    static final String MONGO_HOST = "127.0.0.1";
    static final int MONGO_PORT = 27017;
    static final int KAFKA_PORT = 9092;

    private final Path dataDir;
    private final int portOffset;
    private final Deque<ConfigurableApplicationContext> started = new ArrayDeque<>();
    private InProcessKafka kafka;
    private InProcessMongo mongo;

    Devstack(Path dataDir, int portOffset) {
        this.dataDir = dataDir;
        this.portOffset = portOffset;
    }

    public static void main(String[] args) throws Exception {
        long t0 = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path dataDir = Path.of(System.getenv().getOrDefault("FORECOURT_DATA_DIR", ".forecourt-data")).toAbsolutePath();
        boolean firstStart = !Files.exists(dataDir.resolve("mongo"));
        int portOffset = Integer.parseInt(System.getenv().getOrDefault("FORECOURT_PORT_OFFSET", "0"));
        Devstack stack = new Devstack(dataDir, portOffset);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-shutdown"));
        stack.start();
        StackReport.print(stack, firstStart, Duration.ofMillis(System.currentTimeMillis() - t0));
    }

    void start() throws IOException {
        Files.createDirectories(dataDir);
        mongo = InProcessMongo.onDisk(dataDir.resolve("mongo"), MONGO_HOST, MONGO_PORT + portOffset);
        kafka = new InProcessKafka(dataDir.resolve("kafka"), KAFKA_PORT + portOffset).start();
        for (StackComponent component : components()) {
            started.push(run(component));
        }
        awaitHealthy(components().get(components().size() - 1));
    }

    List<StackComponent> components() {
        return StackComponents.all(mongo.uri(), kafka.bootstrapServers(), portOffset);
    }

    private ConfigurableApplicationContext run(StackComponent component) {
        try {
            Class<?> application = Class.forName(component.applicationClass());
            Map<String, Object> properties = new HashMap<>(component.properties());
            properties.put("spring.config.name", component.configName());
            // as command-line arguments: they must win over the modules' own application.yml defaults
            String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            ClassLoader shared = Devstack.class.getClassLoader();
            return new SpringApplicationBuilder(application)
                    .resourceLoader(new DefaultResourceLoader(new ModuleConfigClassLoader(shared, component.module())))
                    .web(component.web())
                    .logStartupInfo(false)
                    .run(args);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(component.module() + " is not on the devstack's classpath", e);
        }
    }

    /** The gateway is UP only when every service behind it is: wait for that. */
    private static void awaitHealthy(StackComponent gateway) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(100);
        }
        System.err.println("The gateway did not report UP within 60 s: see " + gateway.url() + "/actuator/health");
    }

    void stop() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (RuntimeException e) {
                System.err.println("While stopping: " + e);
            }
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    Path dataDir() {
        return dataDir;
    }

    int portOffset() {
        return portOffset;
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String mongoUri() {
        return mongo.uri();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
