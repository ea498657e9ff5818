package dev.forecourt.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.platform.events.consume.LatestEventWins;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;

/** The aggregate's life as the platform owns it: ETag and If-Match, retries, transitions, pages, sequences, handlers. */
@ForecourtServiceTest
class AggregateLifeTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregateStore store;

    @Autowired
    Sequences sequences;

    @Autowired
    LatestEventWins latestEventWins;

    @Autowired
    WidgetNotes notes;

    @Autowired
    WidgetNoteCounter counter;

    Api api() {
        return Api.at(port).as(PlatformBehaviourTest.TOKEN);
    }

    String created() {
        Api.Response created = api().post("/api/v1/widgets", "{\"name\":\"wiper\",\"quantity\":3}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/by")).as("the actor comes from the token").isEqualTo("hr");
        return created.at("/id");
    }

    @Test
    void aReadAnswersTheVersionAsETag() {
        String id = created();
        Api.Response read = api().get("/api/v1/widgets/" + id);
        assertThat(read.header("ETag")).isEqualTo("\"" + read.at("/version") + "\"");
    }

    @Test
    void aChangeFromAStaleETagIsRefusedAndChangesNothing() {
        String id = created();
        String etag = api().get("/api/v1/widgets/" + id).header("ETag");
        assertThat(api().header("If-Match", etag).put("/api/v1/widgets/" + id + "/name", "{\"name\":\"first\"}").status()).isEqualTo(200);

        Api.Response stale = api().header("If-Match", etag).put("/api/v1/widgets/" + id + "/name", "{\"name\":\"second\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");
        assertThat(stale.header("ETag")).as("the current version, to reload from").isEqualTo("\"" + stale.at("/currentVersion") + "\"");
        assertThat(api().get("/api/v1/widgets/" + id).at("/name")).isEqualTo("first");
    }

    @Test
    void aChangeFromTheCurrentETagSucceedsAndAnswersTheNewOne() {
        String id = created();
        String etag = api().get("/api/v1/widgets/" + id).header("ETag");
        Api.Response renamed = api().header("If-Match", etag).put("/api/v1/widgets/" + id + "/name", "{\"name\":\"renamed\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isNotEqualTo(etag).isEqualTo("\"" + renamed.at("/version") + "\"");
    }

    @Test
    void aBodyVersionCountsAsIfMatchAndAMalformedIfMatchIsRefused() {
        String id = created();
        Api.Response stale = api().put("/api/v1/widgets/" + id + "/name", "{\"name\":\"x\",\"version\":99}");
        assertThat(stale.status()).isEqualTo(409);
        Api.Response malformed = api().header("If-Match", "yesterday").put("/api/v1/widgets/" + id + "/name", "{\"name\":\"x\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.at("/errors/0/field")).isEqualTo("If-Match");
    }

    @Test
    void concurrentChangesWithoutAVersionAreRetriedSoNoneIsLost() throws InterruptedException {
        String id = created();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 12).forEach(i -> pool.submit(() ->
                statuses.add(api().post("/api/v1/widgets/" + id + "/stock", "{\"quantity\":1}").status())));
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int quantity = Integer.parseInt(api().get("/api/v1/widgets/" + id).at("/quantity"));
        assertThat(statuses).containsOnly(200);
        assertThat(quantity).isEqualTo(3 + 12);
    }

    @Test
    void anIllegalStepAnswersTheCurrentState() {
        String id = created();
        assertThat(api().post("/api/v1/widgets/" + id + "/retire").status()).isEqualTo(200);
        Api.Response again = api().post("/api/v1/widgets/" + id + "/retire");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/type")).isEqualTo("https://forecourt.dev/problems/illegal-state");
        assertThat(again.at("/currentState")).isEqualTo("RETIRED");
    }

    @Test
    void anAggregateCannotBeWrittenWithoutTheStore() {
        Widget widget = Widget.create(UUID.randomUUID().toString(), "lamp", 1);
        assertThatThrownBy(() -> mongo.save(widget)).hasMessageContaining("AggregateStore");
        assertThat(mongo.findById(widget.getId(), Widget.class)).isNull();
    }

    @Test
    void everyListAnswersOnePageShapeAndRefusesPagingOutOfRange() {
        created();
        Api.Response page = api().get("/api/v1/widgets?page=0&size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
        assertThat(page.at("/size")).isEqualTo("2");
        assertThat(Long.parseLong(page.at("/total"))).isPositive();
        for (String bad : new String[] {"size=0", "size=201", "page=-1", "size=many"}) {
            Api.Response refused = api().get("/api/v1/widgets?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.isProblem()).as(bad).isTrue();
        }
        // A constrained filter beside the paging has Spring validate the whole method: each field is still named as itself
        Api.Response both = api().get("/api/v1/widgets?size=201&madeBy=" + "x".repeat(65));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.at("/detail")).isEqualTo("The request has invalid fields");
        assertThat(both.at("/errors/0/field")).isEqualTo("madeBy");
        assertThat(both.at("/errors/1/field")).isEqualTo("size");
        assertThat(api().get("/api/v1/widgets?size=201").at("/errors/0/field")).isEqualTo("size");
    }

    @Test
    void concurrentNumbersOfASeriesAreNeverShared() throws InterruptedException {
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        IntStream.range(0, 200).forEach(i -> pool.submit(() -> numbers.add(sequences.yearly("TS", java.time.Year.of(2031), 6))));
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(numbers).hasSize(200).contains("TS2031000001", "TS2031000200");
    }

    @Test
    void everyHandlerOfAnEventTypeAppliesIt() {
        int notesBefore = notes.applied.get();
        int counterBefore = counter.seen.get();
        IncomingEvents.of("forecourt.elsewhere.widget-noted.v1", "w", "{\"widgetId\":\"w-9\",\"note\":\"both\",\"explode\":false}")
                .unchecked().publish();
        await().atMost(Duration.ofSeconds(20)).until(() -> notes.applied.get() > notesBefore && counter.seen.get() > counterBefore);
        assertThat(counter.seen.get() - counterBefore).isEqualTo(1);
    }

    @Test
    void aStaleEventDoesNotOverwriteANewerOne() {
        String id = "emp-" + UUID.randomUUID();
        Instant now = Instant.now();
        assertThat(latestEventWins.apply("roster", id, now, new Update().set("active", false))).isTrue();
        assertThat(latestEventWins.apply("roster", id, now.minusSeconds(60), new Update().set("active", true))).isFalse();
        assertThat(mongo.findById(id, Document.class, "roster").getBoolean("active")).isFalse();
        assertThat(latestEventWins.apply("roster", id, now.plusSeconds(1), new Update().set("active", true))).isTrue();
        assertThat(mongo.findById(id, Document.class, "roster").getBoolean("active")).isTrue();
    }
}
