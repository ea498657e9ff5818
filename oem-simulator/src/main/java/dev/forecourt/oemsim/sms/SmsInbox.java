package dev.forecourt.oemsim.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * What the simulated SMS provider received, kept in memory (newest last, at most {@value #CAPACITY}
 * messages). A message sent again with the same {@code messageId} is the same message: a dealer
 * that retries after a timeout does not text the customer twice.
 */
@Component
public class SmsInbox {

    static final int CAPACITY = 10_000;

    /** A received text message as the provider reports it. */
    public record Received(String id, String messageId, String phone, String text, String sender, String status,
                           Instant receivedAt) {
    }

    private final Map<String, Received> byKey = new LinkedHashMap<>();
    private final Clock clock;

    public SmsInbox() {
        this(Clock.systemUTC());
    }

    SmsInbox(Clock clock) {
        this.clock = clock;
    }

    /** @return the message and whether it is new */
    public synchronized Accepted accept(String messageId, String phone, String text, String sender) {
        String key = messageId == null || messageId.isBlank() ? UUID.randomUUID().toString() : messageId;
        Received existing = byKey.get(key);
        if (existing != null) {
            return new Accepted(existing, false);
        }
        Received received = new Received("sms-" + UUID.randomUUID(), messageId, phone, text, sender, "DELIVERED", clock.instant());
        byKey.put(key, received);
        if (byKey.size() > CAPACITY) {
            byKey.remove(byKey.keySet().iterator().next());
        }
        return new Accepted(received, true);
    }

    public synchronized List<Received> to(String phone) {
        List<Received> found = new ArrayList<>();
        byKey.values().forEach(m -> {
            if (phone == null || phone.equals(m.phone())) {
                found.add(m);
            }
        });
        return found;
    }

    public record Accepted(Received message, boolean isNew) {
    }
}
