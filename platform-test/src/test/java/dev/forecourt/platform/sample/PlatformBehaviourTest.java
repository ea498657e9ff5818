package dev.forecourt.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.ForecourtTestStack;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class PlatformBehaviourTest {

    static final String TOKEN = TestTokens.staff("hr", "hr-specialist", "widgets:create");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    WidgetNotes notes;

    @Autowired
    dev.forecourt.platform.events.outbox.AggregateStore aggregates;

    Api api() {
        return Api.at(port).as(TOKEN);
    }

    @Test
    void aSavedAggregatesEventIsPublishedAsABinaryModeCloudEventAndLeavesTheOutbox() {
        Api.Response created = api().post("/api/v1/widgets", "{\"name\":\"wiper\",\"quantity\":3}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id");

        try (EventProbe probe = EventProbe.on("forecourt.sample.events")) {
            var event = probe.await("forecourt.sample.widget-created.v1", id);
            assertThat(event.cloudEvent().getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.cloudEvent().getSource().toString()).isEqualTo("/stores/store-001/platform-sample");
            assertThat(event.extension("storeid")).isEqualTo("store-001");
            assertThat(event.extension("traceparent")).asString().startsWith("00-");
            assertThat(event.key()).isEqualTo(id);
            assertThat(event.data().get("name").asString()).isEqualTo("wiper");
            assertThat(event.data().get("quantity").asInt()).isEqualTo(3);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.findById(id, Document.class, "widgets").getList("pendingEvents", Document.class).isEmpty());
    }

    @Test
    void theRequestThreadsYieldToTheRelayWhenTheCoresAreSaturated() {
        assertThat(api().get("/api/v1/widgets").status()).isEqualTo(200);
        List<Thread> threads = List.copyOf(Thread.getAllStackTraces().keySet());
        // Tomcat's request threads (http-nio-auto-1-exec-3 on a random port) below the relay's normal priority
        assertThat(threads).filteredOn(t -> t.getName().matches("http-nio-.+-exec-\\d+")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY));
        assertThat(threads).filteredOn(t -> t.getName().equals("outbox-relay")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(Thread.NORM_PRIORITY));
    }

    @Test
    void anAggregatesEventsArePublishedInOrder() {
        Widget widget = aggregates.insert(Widget.create(UUID.randomUUID().toString(), "bulb", 1));
        for (int i = 0; i < 5; i++) {
            widget = mongo.findById(widget.getId(), Widget.class);
            widget.rename("bulb-" + i);
            aggregates.update(widget);
        }
        String id = widget.getId();
        try (EventProbe probe = EventProbe.on("forecourt.sample.events")) {
            probe.await(e -> id.equals(e.subject()) && e.data().get("name").asString().equals("bulb-4"), "last rename");
            List<String> names = probe.about(id).stream().map(e -> e.data().get("name").asString()).distinct().toList();
            assertThat(names).containsExactly("bulb", "bulb-0", "bulb-1", "bulb-2", "bulb-3", "bulb-4");
        }
    }

    @Test
    void anUpdateFromAStaleCopyIsAVersionConflictAndChangesNothing() {
        Widget stored = aggregates.insert(Widget.create(UUID.randomUUID().toString(), "lamp", 1));
        Widget first = mongo.findById(stored.getId(), Widget.class);
        Widget second = mongo.findById(stored.getId(), Widget.class);
        first.rename("lamp-a");
        aggregates.update(first);
        second.rename("lamp-b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> aggregates.update(second))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(mongo.findById(stored.getId(), Widget.class).getName()).isEqualTo("lamp-a");
    }

    @Test
    void anUpdateNeverWritesBackWhatTheRelayChanged() {
        Widget widget = aggregates.insert(Widget.create(UUID.randomUUID().toString(), "fuse", 1));
        String id = widget.getId();
        Query byId = Query.query(Criteria.where("_id").is(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Document raw = mongo.findById(id, Document.class, "widgets");
            return raw.getList(OutboxAggregate.PENDING_EVENTS, Document.class).isEmpty() && raw.get(OutboxAggregate.OUTBOX_LEASE) == null;
        });
        // Another relay instance claims the document: this one keeps off it while the test plays that relay's part.
        mongo.updateFirst(byId, new Update().set(OutboxAggregate.OUTBOX_LEASE, Date.from(Instant.now().plusSeconds(60)))
                .set(OutboxAggregate.OUTBOX_LEASE_OWNER, "other-relay"), "widgets");
        Widget loaded = mongo.findById(id, Widget.class);
        loaded.rename("fuse-a");
        aggregates.update(loaded);
        Widget copy = mongo.findById(id, Widget.class);

        // That relay publishes fuse-a and renews its lease, by collection name: the version is left alone.
        Date renewed = Date.from(Instant.now().plusSeconds(90));
        mongo.updateFirst(byId, new Update().set(OutboxAggregate.PENDING_EVENTS, List.of())
                .set(OutboxAggregate.OUTBOX_LEASE, renewed), "widgets");
        copy.rename("fuse-b");
        Widget stored = aggregates.update(copy);

        assertThat(stored.getName()).isEqualTo("fuse-b");
        assertThat(stored.getVersion()).isEqualTo(copy.getVersion() + 1);
        Document raw = mongo.findById(id, Document.class, "widgets");
        List<Document> pending = raw.getList(OutboxAggregate.PENDING_EVENTS, Document.class);
        assertThat(pending).extracting(event -> event.getString("type")).containsExactly("forecourt.sample.widget-renamed.v1");
        assertThat(pending.get(0).getString("data")).contains("fuse-b").doesNotContain("fuse-a");
        assertThat(raw.getDate(OutboxAggregate.OUTBOX_LEASE)).isEqualTo(renewed);
        assertThat(raw.getString(OutboxAggregate.OUTBOX_LEASE_OWNER)).isEqualTo("other-relay");
        mongo.updateFirst(byId, new Update().unset(OutboxAggregate.OUTBOX_LEASE).unset(OutboxAggregate.OUTBOX_LEASE_OWNER), "widgets");
    }

    @Test
    void aWriteSucceedsWhileKafkaIsDownAndItsEventIsDeliveredWhenKafkaIsBack() {
        var kafka = ForecourtTestStack.kafka();
        kafka.stop();
        String id;
        try {
            Api.Response created = api().post("/api/v1/widgets", "{\"name\":\"written-in-outage\",\"quantity\":1}");
            assertThat(created.status()).isEqualTo(201);
            id = created.at("/id");
            assertThat(mongo.findById(id, Widget.class)).isNotNull();
        } finally {
            kafka.start();
        }
        try (EventProbe probe = EventProbe.on("forecourt.sample.events")) {
            probe.await("forecourt.sample.widget-created.v1", id);
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String eventId = UUID.randomUUID().toString();
        int before = notes.applied.get();
        int attemptsBefore = notes.attempts.get();
        publishNote(eventId, "{\"widgetId\":\"w-1\",\"note\":\"checked\",\"explode\":false}");
        publishNote(eventId, "{\"widgetId\":\"w-1\",\"note\":\"checked\",\"explode\":false}");
        String marker = UUID.randomUUID().toString();
        publishNote(marker, "{\"widgetId\":\"w-1\",\"note\":\"marker\",\"explode\":false}");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is("platform-sample.store-001:" + marker)), "processed_events"));
        assertThat(notes.applied.get() - before).isEqualTo(2);
        assertThat(notes.attempts.get() - attemptsBefore).isEqualTo(2);
    }

    @Test
    void aPoisonEventLandsInTheDeadLetterTopicAfterBoundedRetries() {
        String unreadable = UUID.randomUUID().toString();
        String failing = UUID.randomUUID().toString();
        int attemptsBefore = notes.attempts.get();
        publishNote(unreadable, "this is not json");
        publishNote(failing, "{\"widgetId\":\"w-2\",\"note\":\"boom\",\"explode\":true}");

        try (EventProbe dlt = EventProbe.on("forecourt.dlt.platform-sample.store-001")) {
            dlt.await(e -> e.id().equals(unreadable), "unreadable event in DLT");
            dlt.await(e -> e.id().equals(failing), "failing event in DLT");
        }
        // Unreadable data is not retried; a failing handler is tried maxAttempts (4) times.
        assertThat(notes.attempts.get() - attemptsBefore).isEqualTo(4);
    }

    @Test
    void eventsOfAnotherStoreAreNotApplied() {
        int before = notes.applied.get();
        String other = UUID.randomUUID().toString();
        publish(other, "{\"widgetId\":\"w-3\",\"note\":\"x\",\"explode\":false}", "store-999");
        String marker = UUID.randomUUID().toString();
        publishNote(marker, "{\"widgetId\":\"w-3\",\"note\":\"marker\",\"explode\":false}");
        await().atMost(Duration.ofSeconds(20)).until(() -> notes.applied.get() - before >= 1);
        assertThat(notes.applied.get() - before).isEqualTo(1);
    }

    private void publishNote(String eventId, String data) {
        publish(eventId, data, "store-001");
    }

    /** The sample's imaginary peer documents no schema, so these events go unchecked. */
    private void publish(String eventId, String data, String storeId) {
        IncomingEvents.of("forecourt.elsewhere.widget-noted.v1", "w", data).id(eventId).store(storeId).unchecked().publish();
    }
}
