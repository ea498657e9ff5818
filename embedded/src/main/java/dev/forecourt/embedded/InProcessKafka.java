package dev.forecourt.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) running in this JVM, with its
 * log on disk: stopping and starting it again on the same directory keeps the topics and their
 * records. Used by the devstack (fixed port 9092) and by tests (a free port; stopped and started
 * again to show that events survive an outage).
 */
public final class InProcessKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public InProcessKafka(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = freePort();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized InProcessKafka start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Properties properties = properties();
            try (var out = Files.newOutputStream(config)) {
                properties.store(out, "Forecourt in-process Kafka");
            }
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                        new PrintStream(sink, true, StandardCharsets.UTF_8));
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start in " + dataDir, e);
        }
    }

    /** Stops the broker as an outage would; {@link #start()} brings it back with its data. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties properties() {
        // The controller port is fixed for a data directory: the quorum voters are part of its metadata.
        int controller = controllerPortFor();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("log").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        // The log cleaner (compaction, here only of the consumer-offsets topic: a few hundred keys) allocates
        // its whole dedupe buffer on the heap at start, 128 MB by default, live for the life of the process:
        // a third of the stack's live heap. 16 MB holds ~600,000 keys.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        // No fsync per message (Kafka's default: the OS flushes). An acknowledged record is in the page
        // cache and survives a crash of this process (SIGKILL), like the MongoDB-wire server's H2 file,
        // which does not fsync on commit either. Forcing every append to disk cost ~2 ms per produce
        // request on this machine's disk and far more when it is busy: write → event p50 75 → 19 ms
        // without it (docs/benchmarks.md).
        return p;
    }

    private int controllerPortFor() {
        Path file = dataDir.resolve("controller.port");
        try {
            if (Files.exists(file)) {
                return Integer.parseInt(Files.readString(file).trim());
            }
            Files.writeString(file, Integer.toString(controllerPort));
            return controllerPort;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
