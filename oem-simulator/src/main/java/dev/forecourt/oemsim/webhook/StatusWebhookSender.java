package dev.forecourt.oemsim.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.forecourt.oemsim.SimulatorProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts signed status webhooks to the dealer. A failed delivery is retried with backoff under the
 * same {@code webhook-id} (so the dealer can recognise the repeat), signed afresh with the
 * attempt's timestamp, as Standard Webhooks senders do.
 */
@Component
public class StatusWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(StatusWebhookSender.class);

    private final SimulatorProperties properties;
    private final WebhookSigner signer;
    private final ScheduledExecutorService timeline;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public StatusWebhookSender(SimulatorProperties properties, ScheduledExecutorService timeline, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.signer = new WebhookSigner(properties.webhookSecret());
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
    }

    /** Sends the status after {@code delay}. */
    public void sendLater(ClaimStatusWebhook webhook, Duration delay) {
        String body = json.writeValueAsString(webhook);
        String webhookId = "msg_" + UUID.randomUUID();
        timeline.schedule(() -> attempt(webhookId, body, 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(String webhookId, String body, int attempt) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.callbackUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        String failure;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return;
            }
            failure = "HTTP " + response.statusCode();
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt >= properties.deliveryAttempts()) {
            log.warn("Giving up on webhook {} after {} attempts: {}", webhookId, attempt, failure);
            return;
        }
        long backoff = Math.min(60_000L, 1_000L << (attempt - 1));
        log.info("Webhook {} not delivered ({}), retrying in {} ms", webhookId, failure, backoff);
        timeline.schedule(() -> attempt(webhookId, body, attempt + 1), backoff, TimeUnit.MILLISECONDS);
    }
}
