package dev.forecourt.platform.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import dev.forecourt.platform.events.CloudEventHeaders;
import dev.forecourt.platform.store.ForecourtProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes pending events from aggregate documents to Kafka, in order per aggregate, and removes
 * them once Kafka has acknowledged them. A write wakes the relay at once (so an event is readable
 * within milliseconds of the write's 2xx); a periodic sweep finds whatever a wake-up missed: events
 * left by a crash (a sweep at start), by another instance that died holding a lease, or by a write
 * that did not wake the relay. A batch that failed (Kafka or the store down) is tried again after a
 * back-off, not left to the sweep. The sweep runs on a thread of its own and only wakes the relay:
 * it reads whole collections (no index names documents with pending events), so a wake-up must not
 * wait behind it, and it runs seldom ({@code forecourt.events.sweep-interval}, 30 s). A short lease
 * on the document keeps two instances of a service from relaying the same aggregate at once.
 *
 * <p>Delivery is at-least-once: if the process dies between Kafka's acknowledgement and the
 * removal, the event is sent again with the same id, and consumers apply it once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private record Target(String collection, Object id) {
    }

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final ForecourtProperties properties;
    private final Clock clock;
    private final BlockingQueue<Target> wakeups = new LinkedBlockingQueue<>();
    private final Set<Target> queued = ConcurrentHashMap.newKeySet();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Set<String> ensuredTopics = ConcurrentHashMap.newKeySet();
    private final AtomicLong backlog = new AtomicLong();
    /** Makes each claim's lease time distinct, so a claim finds exactly the documents it leased. */
    private final AtomicLong claims = new AtomicLong();
    /** Names this relay's leases; the relay is the only writer of pending-event removals in its process. */
    private final String instanceId = java.util.UUID.randomUUID().toString();
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private final Timer sweeps;
    /** Where an event's time to Kafka goes: waiting for the relay, and its three steps per batch and collection. */
    private final Timer waited;
    private final Timer claiming;
    private final Timer sending;
    private final Timer releasing;
    private volatile boolean running;
    private Thread worker;
    private Thread sweeper;
    private Duration backoff = Duration.ZERO;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin,
                       ForecourtProperties properties, Clock clock, MeterRegistry meters, Set<String> outboxCollections) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.admin = admin;
        this.properties = properties;
        this.clock = clock;
        this.collections.addAll(outboxCollections);
        this.published = Counter.builder("forecourt.outbox.published").description("Events relayed to Kafka").register(meters);
        this.failures = Counter.builder("forecourt.outbox.failures").description("Failed relay attempts (Kafka unavailable)").register(meters);
        this.lag = Timer.builder("forecourt.outbox.lag").description("From the event's write to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.sweeps = Timer.builder("forecourt.outbox.sweep").description("One sweep of every outbox collection for missed events")
                .register(meters);
        this.waited = phase("wait", "From the event's write to the relay's claim of its document", meters);
        this.claiming = phase("claim", "Leasing a batch's documents and reading them back", meters);
        this.sending = phase("send", "Sending the batch's events to Kafka until the last acknowledgement", meters);
        this.releasing = phase("release", "Removing the acknowledged events and the lease", meters);
        Gauge.builder("forecourt.outbox.backlog", backlog, AtomicLong::get)
                .description("Documents holding events not yet relayed").register(meters);
    }

    /** Asks for the document's pending events to be relayed now. */
    public void wake(String collection, Object id) {
        collections.add(collection);
        Target target = new Target(collection, id);
        if (queued.add(target)) {
            wakeups.add(target);
        }
    }

    /** Documents found with pending events at the last sweep. */
    public long backlog() {
        return backlog.get();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        sweeper = new Thread(this::sweepEvery, "outbox-sweep");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : new Thread[] {sweeper, worker}) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            List<Target> batch = new ArrayList<>();
            try {
                // waits for a wake-up; stop() interrupts the wait (the sweep has a thread of its own)
                batch.add(wakeups.take());
                wakeups.drainTo(batch, BATCH - 1);
                batch.forEach(queued::remove);
                relay(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                pause(backoff);
                // the batch is tried again after the pause, not left to the next sweep (Kafka or the store was down)
                batch.forEach(target -> wake(target.collection(), target.id()));
            }
        }
    }

    /**
     * Claims the batch's documents, sends their events in order, and removes those Kafka
     * acknowledged: three store round trips per collection and batch (claim, read, release; one less
     * for a single document), however many documents the batch holds, so the relay keeps up when
     * writes come fast. Every collection's events are sent before any acknowledgement is awaited, so
     * a write that changed two aggregates (a sales order and its vehicle) waits for Kafka once.
     */
    private void relay(List<Target> batch) {
        Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
        batch.forEach(target -> idsByCollection.computeIfAbsent(target.collection(), c -> new ArrayList<>()).add(target.id()));
        List<Sending> inFlight = new ArrayList<>();
        idsByCollection.forEach((collection, ids) -> inFlight.add(claimAndSend(collection, ids)));
        boolean allSent = true;
        for (Sending sent : inFlight) {
            allSent &= awaitAndRelease(sent);
        }
        if (allSent) {
            backoff = Duration.ZERO;
        } else {
            throw new IllegalStateException("Kafka did not acknowledge every event; they stay in the outbox");
        }
    }

    private static Timer phase(String phase, String description, MeterRegistry meters) {
        return Timer.builder("forecourt.outbox.relay").tag("phase", phase).description(description)
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** A collection's claimed documents with their events' sends in flight, in the documents' order. */
    private record Sending(String collection, Map<Document, List<CompletableFuture<SendResult<String, byte[]>>>> sends,
                           long claimedAt) {
    }

    private Sending claimAndSend(String collection, List<Object> ids) {
        long started = System.nanoTime();
        List<Document> claimed = claim(collection, ids);
        long claimedAt = System.nanoTime();
        // read after the claim: a document written while the claim ran is claimed too, and its event's time
        // is later than any instant read before it
        Instant claimedInstant = clock.instant();
        claiming.record(claimedAt - started, TimeUnit.NANOSECONDS);
        Map<Document, List<CompletableFuture<SendResult<String, byte[]>>>> sends = new LinkedHashMap<>();
        for (Document document : claimed) {
            List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>();
            for (Document event : document.getList(OutboxAggregate.PENDING_EVENTS, Document.class, List.of())) {
                recordSince(waited, event, claimedInstant);
                ensureTopic(event.getString("topic"));
                futures.add(send(toRecord(event)));
            }
            sends.put(document, futures);
        }
        return new Sending(collection, sends, claimedAt);
    }

    private boolean awaitAndRelease(Sending inFlight) {
        boolean allSent = true;
        List<String> acknowledged = new ArrayList<>();
        for (var entry : inFlight.sends().entrySet()) {
            List<Document> pending = entry.getKey().getList(OutboxAggregate.PENDING_EVENTS, Document.class, List.of());
            for (int i = 0; i < pending.size(); i++) {
                try {
                    entry.getValue().get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(pending.get(i).getString("eventId"));
                    published.increment();
                    recordSince(lag, pending.get(i), clock.instant());
                } catch (Exception e) {
                    allSent = false;
                    // Later events of this aggregate stay too: they must not overtake this one.
                    break;
                }
            }
        }
        if (!inFlight.sends().isEmpty()) {
            long sentAt = System.nanoTime();
            sending.record(sentAt - inFlight.claimedAt(), TimeUnit.NANOSECONDS);
            release(inFlight.collection(), inFlight.sends().keySet().stream().map(d -> d.get("_id")).toList(), acknowledged);
            releasing.record(System.nanoTime() - sentAt, TimeUnit.NANOSECONDS);
        }
        return allSent;
    }

    /**
     * Records the time from the event's write to {@code now}. An event stamped later than {@code now} (by another
     * instance's clock, a little ahead of this one) is left out: Micrometer refuses a negative time with a warning.
     */
    private static void recordSince(Timer timer, Document event, Instant now) {
        Date time = event.getDate("time");
        if (time != null && !time.toInstant().isAfter(now)) {
            timer.record(Duration.between(time.toInstant(), now));
        }
    }

    /** Leases the documents that have events and no other relay's live lease; the lease's time names this claim. */
    private List<Document> claim(String collection, List<Object> ids) {
        Instant now = clock.instant();
        Date lease = Date.from(now.plus(LEASE).plusNanos(claims.incrementAndGet() % 1_000 * 1_000_000L));
        Query claimable = Query.query(Criteria.where("_id").in(ids)
                .and(OutboxAggregate.PENDING_EVENTS + ".0").exists(true)
                .orOperator(Criteria.where(OutboxAggregate.OUTBOX_LEASE).is(null),
                        Criteria.where(OutboxAggregate.OUTBOX_LEASE).lt(Date.from(now)),
                        // A save of a copy read during our last relay writes our old lease back: it is still ours.
                        Criteria.where(OutboxAggregate.OUTBOX_LEASE_OWNER).is(instanceId)));
        Update update = new Update().set(OutboxAggregate.OUTBOX_LEASE, lease).set(OutboxAggregate.OUTBOX_LEASE_OWNER, instanceId);
        if (ids.size() == 1) {
            // one document, the usual batch when writes come one at a time: claimed and read in one round trip
            Document claimed = mongo.findAndModify(claimable, update, FindAndModifyOptions.options().returnNew(true), Document.class,
                    collection);
            return claimed == null ? List.of() : List.of(claimed);
        }
        if (mongo.updateMulti(claimable, update, collection).getModifiedCount() == 0) {
            return List.of();
        }
        Query ours = Query.query(Criteria.where("_id").in(ids).and(OutboxAggregate.OUTBOX_LEASE_OWNER).is(instanceId)
                .and(OutboxAggregate.OUTBOX_LEASE).is(lease));
        return mongo.find(ours, Document.class, collection);
    }

    /** Removes the acknowledged events (event ids are unique) and ends the lease, in one write for the batch. */
    private void release(String collection, List<Object> ids, List<String> acknowledged) {
        Update update = new Update().unset(OutboxAggregate.OUTBOX_LEASE).unset(OutboxAggregate.OUTBOX_LEASE_OWNER);
        if (!acknowledged.isEmpty()) {
            update.pull(OutboxAggregate.PENDING_EVENTS, Query.query(Criteria.where("eventId").in(acknowledged)).getQueryObject());
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and(OutboxAggregate.OUTBOX_LEASE_OWNER).is(instanceId)),
                update, collection);
    }

    private ProducerRecord<String, byte[]> toRecord(Document event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.getString("topic"), event.getString("subject"),
                event.getString("data").getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, event.getString("eventId"));
        header(headers, CloudEventHeaders.SOURCE, "/stores/" + event.getString("storeId") + "/" + properties.serviceName());
        header(headers, CloudEventHeaders.TYPE, event.getString("type"));
        header(headers, CloudEventHeaders.SUBJECT, event.getString("subject"));
        Date time = event.getDate("time");
        if (time != null) {
            header(headers, CloudEventHeaders.TIME, time.toInstant().toString());
        }
        header(headers, CloudEventHeaders.STORE_ID, event.getString("storeId"));
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        String traceparent = event.getString("traceparent");
        if (traceparent != null) {
            header(headers, CloudEventHeaders.TRACEPARENT, traceparent);
            header(headers, CloudEventHeaders.W3C_TRACEPARENT, traceparent);
        }
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sweeps at once (events left by a crash), then every sweep interval; a failed sweep is retried at the next. */
    private void sweepEvery() {
        while (running) {
            try {
                sweeps.record(this::sweep);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                log.warn("Outbox sweep failed, retrying in {} ms: {}", properties.events().sweepInterval().toMillis(), e.toString());
            }
            pause(properties.events().sweepInterval());
        }
    }

    private void sweep() {
        long documents = 0;
        for (String collection : collections) {
            Query query = Query.query(Criteria.where(OutboxAggregate.PENDING_EVENTS + ".0").exists(true)).limit(1_000);
            query.fields().include("_id");
            for (Document doc : mongo.find(query, Document.class, collection)) {
                documents++;
                wake(collection, doc.get("_id"));
            }
        }
        backlog.set(documents);
    }

    private CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Creates the topic with the configured partitions before its first event; the broker's defaults may differ. */
    private void ensureTopic(String topic) {
        if (ensuredTopics.contains(topic)) {
            return;
        }
        try {
            admin.createOrModifyTopics(new NewTopic(topic, Optional.of(properties.events().topicPartitions()), Optional.empty()));
            ensuredTopics.add(topic);
        } catch (RuntimeException e) {
            log.debug("Could not ensure topic {} yet: {}", topic, e.toString());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
