package dev.forecourt.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-wire-protocol server in this JVM. On disk (the devstack) it keeps its data in an H2
 * MVStore file and commits after every write, so a write the driver saw acknowledged survives a
 * crash of the process; in memory it serves tests.
 */
public final class InProcessMongo implements AutoCloseable {

    private final CommitEveryWriteH2Backend backend;
    private final MongoServer server;
    private final String host;
    private final int port;

    private InProcessMongo(CommitEveryWriteH2Backend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        if (port == 0) {
            InetSocketAddress address = server.bind();
            this.host = address.getHostString();
            this.port = address.getPort();
        } else {
            server.bind(host, port);
            this.host = host;
            this.port = port;
        }
    }

    /** Data in {@code dataDir/forecourt.mv}, committed after each write. */
    public static InProcessMongo onDisk(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InProcessMongo(new CommitEveryWriteH2Backend(dataDir.resolve("forecourt.mv").toString()), host, port);
    }

    /**
     * In memory, for tests: the devstack's collections and indexes without the file. The H2 backend
     * rather than the plain memory backend: the latter answers a read with the stored document
     * itself, which a concurrent update may change while it is being sent
     * (ConcurrentModificationException, dropped connections); H2 answers copies, as the on-disk
     * devstack does.
     */
    public static InProcessMongo inMemory() {
        return new InProcessMongo(new CommitEveryWriteH2Backend(null), "127.0.0.1", 0);
    }

    public String uri() {
        return "mongodb://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Documents read by queries that no index could answer, since the start: MongoDB would use an
     * index the stand-in does not have (secondary indexes are accepted and ignored), so a hot path
     * whose count climbs costs here what it would not cost there.
     */
    public long documentsScanned() {
        return backend.documentsScanned();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
