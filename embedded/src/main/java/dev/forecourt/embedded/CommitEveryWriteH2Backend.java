package dev.forecourt.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend commits on its own about once a second; a write acknowledged in that second
 * would be lost by a SIGKILL. Committing before the acknowledgement leaves the reply makes every
 * acknowledged write durable. Without a file (tests) the store lives in memory and there is nothing
 * to commit; its collections and indexes are the same.
 */
final class CommitEveryWriteH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final boolean onDisk;
    private final LongAdder scanned = new LongAdder();

    /**
     * How long the store keeps the space of a chunk that no longer holds live data before it writes
     * over it. H2's default, 45 s, is for a power cut: it assumes the disk has flushed within that
     * time. Committing every write makes one chunk per write, so under load the file held 45 s of
     * them (1.1 GB after the benchmarks, for a few MB of data) and every write paid for a growing
     * file: 463 µs of CPU per conditional update at 45 s, 376 µs at 1 s (docs/benchmarks.md). A kill
     * of the process loses nothing that was written either way (the kernel has the written pages);
     * H2 asks that the time cover the longest read of a map, and the stand-in reads a collection
     * within one command, in milliseconds.
     */
    static final int RETENTION_MILLIS = 1_000;

    /** {@code file} null: in memory. */
    CommitEveryWriteH2Backend(String file) {
        super(open(file));
        this.onDisk = file != null;
    }

    /**
     * Below this share of live data in the file's chunks the store rewrites chunks to compact the file. H2's
     * default, 90 %, suits a store that commits now and then; one that commits every write leaves a trail of
     * part-dead chunks, and at 90 % its background writer rewrote live pages all the time, idle or not: 7 % of a
     * core and most of an idle stack's garbage, a young collection every few seconds (docs/benchmarks.md).
     */
    static final int AUTO_COMPACT_FILL_RATE = 40;

    private static MVStore open(String file) {
        if (file == null) {
            return MVStore.open(null);
        }
        MVStore store = new MVStore.Builder().fileName(file).autoCompactFillRate(AUTO_COMPACT_FILL_RATE).open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    /** Collections that find by {@code _id} first ({@link IdFirstH2Collection}), unique indexes by hash ({@link HashedUniqueIndex}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdFirstDatabase(databaseName);
    }

    /**
     * Called by the collections. H2's constructor opens the stored ones and reads their namespaces
     * before this backend's fields are set: those start-up reads are not counted.
     */
    private void scanned(long documents) {
        if (scanned != null) {
            scanned.add(documents);
        }
    }

    /** Documents read by queries that no index answered, since the start. */
    long documentsScanned() {
        return scanned.sum();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (onDisk && WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return reply;
    }

    /**
     * H2's database, opening its collections as {@link IdFirstH2Collection}s on the same maps as H2's own.
     * An inner class: H2's constructor opens the existing collections before any field of a subclass is
     * set, but the enclosing backend, which holds the store, is already known then.
     */
    private final class IdFirstDatabase extends H2Database {

        IdFirstDatabase(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new IdFirstH2Collection(this, collectionName, options, data, meta, cursorRegistry, CommitEveryWriteH2Backend.this::scanned);
        }

        /** The map and its name as H2's database opens them, looked up through a hash map. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new HashedUniqueIndex(getMvStore(), getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    indexName, keys, sparse);
        }
    }
}
