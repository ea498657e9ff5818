package dev.forecourt.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import dev.forecourt.embedded.InProcessMongo;
import dev.forecourt.platform.events.consume.IncomingEvent;
import dev.forecourt.platform.events.consume.ProcessedEvents;

class ProcessedEventsTest {

    private final InProcessMongo store = InProcessMongo.inMemory();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(store.uri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.add(event.getCommandName());
                }
            }).build());
    private final ProcessedEvents processed = new ProcessedEvents(new MongoTemplate(client, "consumer"), Clock.systemUTC());

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    /**
     * Asked for every event a consumer receives: one find by {@code _id}, which MongoDB and the stand-in answer
     * from the index. A count (Spring Data's {@code exists}) is an aggregation the stand-in answers by scanning
     * every event the group ever applied.
     */
    @Test
    void tellsAnAppliedEventByOneFindById() {
        processed.remember("crm-service.store-001", event("e-1"));
        processed.remember("crm-service.store-001", event("e-2"));
        commands.clear();

        assertThat(processed.contains("crm-service.store-001", "e-1")).isTrue();
        assertThat(processed.contains("crm-service.store-001", "e-3")).isFalse();
        assertThat(processed.contains("parts-service.store-001", "e-2")).isFalse();

        assertThat(commands).containsExactly("find", "find", "find");
    }

    private static IncomingEvent event(String id) {
        return new IncomingEvent(id, "forecourt.workshop.repair-order-handed-over.v1", "/stores/store-001/service-order-service",
                "ro-1", "store-001", Instant.now(), "forecourt.workshop.events", "{}".getBytes(StandardCharsets.UTF_8));
    }
}
