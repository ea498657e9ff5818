package dev.forecourt.devstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * What the stack has stored, read straight from its MongoDB-wire server as any MongoDB client
 * would: the document count and a checksum of every collection of every {@code forecourt-*}
 * database. Bookkeeping that legitimately changes on any request or by itself is left out: the
 * consumers' processed-event ids, remembered Idempotency-Keys, and the outbox fields of a
 * document (events waiting for Kafka, the relay's lease).
 */
final class StoreState implements AutoCloseable {

    static final Set<String> BOOKKEEPING = Set.of("processed_events", "idempotency_keys");
    private static final Set<String> OUTBOX_FIELDS = Set.of("pendingEvents", "outboxLease", "outboxLeaseOwner");

    /**
     * parts-service's movement ledger: a stock card keeps its newest movements ({@value #UNLEDGERED})
     * until eight are there or the card is quiet, then copies them to the ledger collection — by
     * itself, on no request. The snapshot counts a movement once wherever it is.
     */
    private static final String LEDGER = "stock_movements";
    private static final String STOCK_CARDS = "stock_cards";
    private static final String UNLEDGERED = "unledgered";

    private final MongoClient client;

    StoreState(String uri) {
        this.client = MongoClients.create(uri + "/?serverSelectionTimeoutMS=10000&connectTimeoutMS=5000");
    }

    MongoClient client() {
        return client;
    }

    MongoCollection<Document> collection(String database, String collection) {
        return client.getDatabase(database).getCollection(collection);
    }

    /** Counts and checksums, by {@code database.collection}. */
    Snapshot snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String> sums = new TreeMap<>();
        for (String name : client.listDatabaseNames()) {
            if (!name.startsWith("forecourt-")) {
                continue;
            }
            MongoDatabase database = client.getDatabase(name);
            Map<String, TreeSet<String>> byCollection = new TreeMap<>();
            for (String collection : database.listCollectionNames()) {
                if (BOOKKEEPING.contains(collection) || collection.startsWith("system.")) {
                    continue;
                }
                TreeSet<String> documents = byCollection.computeIfAbsent(collection, c -> new TreeSet<>());
                for (Document document : database.getCollection(collection).find()) {
                    OUTBOX_FIELDS.forEach(document::remove);
                    if (collection.equals(LEDGER)) {
                        documents.add(ledgerEntry(document));
                    } else {
                        if (collection.equals(STOCK_CARDS)) {
                            // a movement waiting on its card is in the ledger: where it waits is bookkeeping
                            for (Document movement : document.getList(UNLEDGERED, Document.class, List.of())) {
                                byCollection.computeIfAbsent(LEDGER, c -> new TreeSet<>()).add(ledgerEntry(movement));
                            }
                            document.remove(UNLEDGERED);
                        }
                        documents.add(document.toJson());
                    }
                }
            }
            byCollection.forEach((collection, documents) -> {
                counts.put(name + "." + collection, (long) documents.size());
                sums.put(name + "." + collection, sha256(String.join("\n", documents)));
            });
        }
        return new Snapshot(counts, sums);
    }

    /** A movement as the ledger holds it, without what only its copy in the collection has. */
    private static String ledgerEntry(Document movement) {
        Document entry = new Document(movement);
        entry.remove("_id");
        entry.remove("_class");
        return entry.toJson();
    }

    /** Documents still holding events that have not reached Kafka, over every forecourt database. */
    long documentsWithPendingEvents() {
        long pending = 0;
        for (String name : client.listDatabaseNames()) {
            if (!name.startsWith("forecourt-")) {
                continue;
            }
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                pending += database.getCollection(collection).countDocuments(new Document("pendingEvents.0", new Document("$exists", true)));
            }
        }
        return pending;
    }

    /**
     * Waits until the stack is quiet: no event waiting in any outbox and two snapshots a second apart
     * equal (consumers done, schedulers idle). Returns the settled snapshot.
     */
    Snapshot settle(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Snapshot previous = null;
        while (true) {
            Snapshot now = documentsWithPendingEvents() == 0 ? snapshot() : null;
            if (now != null && now.equals(previous)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The stack did not settle within " + atMost + "; last difference: "
                        + (now == null || previous == null ? "events still pending" : previous.differences(now)));
            }
            previous = now;
            pause(Duration.ofMillis(1_000));
        }
    }

    @Override
    public void close() {
        client.close();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Snapshot(Map<String, Long> counts, Map<String, String> checksums) {

        List<String> differences(Snapshot later) {
            List<String> changed = new ArrayList<>();
            Set<String> names = new TreeSet<>(counts.keySet());
            names.addAll(later.counts.keySet());
            for (String name : names) {
                Long before = counts.get(name);
                Long after = later.counts.get(name);
                if (before == null || after == null || !before.equals(after)) {
                    changed.add(name + " count " + before + " -> " + after);
                } else if (!checksums.get(name).equals(later.checksums.get(name))) {
                    changed.add(name + " contents changed (" + after + " documents)");
                }
            }
            return changed;
        }

        long documents() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
