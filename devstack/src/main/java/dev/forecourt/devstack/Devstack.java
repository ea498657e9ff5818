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
import java.util.LinkedHashMap;
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
    /** The running applications by module, for stopping and starting one of them (fault tests). */
    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private InProcessKafka kafka;
    private InProcessMongo mongo;
    /** When the JVM was launched: start-up times are counted from it, as a person waiting counts them. */
    private static final long LAUNCHED_AT = ManagementFactory.getRuntimeMXBean().getStartTime();
    /**
     * How many contexts start at once ({@code FORECOURT_START_PARALLELISM}; 1 starts them one after
     * another). By default one more than the cores, at least three: the start-ups are mostly CPU,
     * and the extra one fills the cores while the others wait on the store, the broker or a port.
     */
    private static final int START_PARALLELISM = Integer.parseInt(System.getenv().getOrDefault("FORECOURT_START_PARALLELISM",
            Integer.toString(Math.max(3, Runtime.getRuntime().availableProcessors() + 1))));
    private Duration storesReadyAfter = Duration.ZERO;
    /** Whether the last {@link #start()} found no store data, so that the services seeded their demo data. */
    private boolean firstStart;
    private List<StartOrder.Started> readiness = List.of();

    Devstack(Path dataDir, int portOffset) {
        this.dataDir = dataDir;
        this.portOffset = portOffset;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getenv().getOrDefault("FORECOURT_DATA_DIR", ".forecourt-data")).toAbsolutePath();
        int portOffset = Integer.parseInt(System.getenv().getOrDefault("FORECOURT_PORT_OFFSET", "0"));
        Devstack stack = new Devstack(dataDir, portOffset);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException | IOException e) {
            // The broker's threads would keep a half-started stack alive: say why and leave.
            System.err.println("Forecourt could not start: " + e);
            System.exit(1);
        }
        StackReport.print(stack, Duration.ofMillis(System.currentTimeMillis() - LAUNCHED_AT));
    }

    /** No store data yet: the services seed their demo data at this start. */
    static boolean isFirstStart(Path dataDir) {
        return !Files.exists(dataDir.resolve("mongo"));
    }

    boolean firstStart() {
        return firstStart;
    }

    void start() throws IOException {
        Files.createDirectories(dataDir);
        firstStart = isFirstStart(dataDir);
        mongo = InProcessMongo.onDisk(dataDir.resolve("mongo"), MONGO_HOST, MONGO_PORT + portOffset);
        kafka = new InProcessKafka(dataDir.resolve("kafka"), KAFKA_PORT + portOffset).start();
        storesReadyAfter = Duration.ofMillis(System.currentTimeMillis() - LAUNCHED_AT);
        StartOrder order = new StartOrder(this::run, module -> StackComponents.needsAtStart(module, firstStart), START_PARALLELISM,
                LAUNCHED_AT);
        List<StartOrder.Started> all = order.start(components(), this::register);
        synchronized (this) {
            // stopped in the reverse of the documented order, whatever order they came up in
            started.clear();
            running.clear();
            all.forEach(this::register);
        }
        readiness = all;
        awaitHealthy(components().get(components().size() - 1));
    }

    private synchronized void register(StartOrder.Started app) {
        started.push(app.context());
        running.put(app.component().module(), app.context());
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
                    .resourceLoader(new DefaultResourceLoader(new ModuleConfigClassLoader(shared, component.module(), application)))
                    .web(component.web())
                    .listeners(LoggingSetUpOneAtATime.listeners())
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

    /**
     * Stops one application (closes its Spring context and frees its port), as if its process had
     * gone away; the rest of the stack keeps running. For fault tests.
     */
    synchronized void stopComponent(String module) {
        ConfigurableApplicationContext context = context(module);
        running.remove(module);
        started.remove(context);
        context.close();
    }

    /** Starts a stopped application again on its port, with its settings and against the same data. */
    synchronized void startComponent(String module) {
        if (running.containsKey(module)) {
            return;
        }
        StackComponent component = components().stream().filter(c -> c.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + module));
        ConfigurableApplicationContext context = run(component);
        started.push(context);
        running.put(module, context);
    }

    /**
     * Starts a second copy of one application on another port with some settings changed (e.g. a
     * gateway with a store's real throttles in front of the same services), beside the running
     * stack; the caller closes it. For tests that need a setting the suite's stack cannot have.
     */
    ConfigurableApplicationContext startVariant(String module, int port, Map<String, Object> overrides) {
        StackComponent component = components().stream().filter(c -> c.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + module));
        Map<String, Object> properties = new HashMap<>(component.properties());
        properties.putAll(overrides);
        properties.put("server.port", port);
        return run(new StackComponent(module, component.applicationClass(), port, component.web(), component.configName(), properties));
    }

    /** A running application's context, by module (tests look at what it was given). */
    synchronized ConfigurableApplicationContext context(String module) {
        ConfigurableApplicationContext context = running.get(module);
        if (context == null) {
            throw new IllegalStateException(module + " is not running");
        }
        return context;
    }

    /** Stops the Kafka broker as an outage would; {@link #startKafka()} brings it back with its log. */
    void stopKafka() {
        kafka.stop();
    }

    void startKafka() {
        kafka.start();
    }

    /**
     * Restarts the MongoDB-wire server on the same port and data file: every client connection is
     * dropped, as when a database server restarts; the services must reconnect by themselves.
     */
    synchronized void restartMongo() {
        mongo.close();
        mongo = InProcessMongo.onDisk(dataDir.resolve("mongo"), MONGO_HOST, MONGO_PORT + portOffset);
    }

    void stop() {
        running.clear();
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
            // MongoDB answers most such queries through secondary indexes, which the stand-in does not keep:
            // a figure that climbs with the load points at a query that costs here what it would not there
            System.out.println("MongoDB stand-in: " + mongo.documentsScanned() + " documents read by queries no index answered");
            mongo.close();
        }
    }

    /** When MongoDB and Kafka were up, from the launch. */
    Duration storesReadyAfter() {
        return storesReadyAfter;
    }

    /** Each application, when it was ready (from the launch) and how long its own start took. */
    List<StartOrder.Started> readiness() {
        return readiness;
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
