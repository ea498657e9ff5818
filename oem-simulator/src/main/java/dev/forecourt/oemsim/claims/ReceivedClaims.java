package dev.forecourt.oemsim.claims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import dev.forecourt.oemsim.SimulatorProperties;
import dev.forecourt.oemsim.webhook.ClaimStatusWebhook;
import dev.forecourt.oemsim.webhook.StatusWebhookSender;

/**
 * The claims this OEM has received, one per idempotency key: a repeated key returns the first
 * receipt and plays no second set of answers. In memory, per application context.
 */
@Component
public class ReceivedClaims {

    private final Map<String, Receipt> byKey = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final StatusWebhookSender webhooks;
    private final SimulatorProperties properties;
    private final Clock clock;

    public ReceivedClaims(StatusWebhookSender webhooks, SimulatorProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the OEM answers a submission with. */
    public record Receipt(String oemReference, String claimNumber, int submission, String status, Instant receivedAt,
                          List<String> plannedStatuses) {
    }

    /** Files the claim once per key: a repeat gets the first receipt back and changes nothing. */
    public Filed file(String idempotencyKey, ClaimSubmission claim) {
        List<Adjudication.Step> steps = Adjudication.of(claim);
        Receipt fresh = new Receipt("OEM-" + String.format("%08d", sequence.incrementAndGet()), claim.claimNumber(),
                claim.submission(), "RECEIVED", clock.instant(), steps.stream().map(Adjudication.Step::status).toList());
        Receipt first = byKey.putIfAbsent(idempotencyKey, fresh);
        if (first != null) {
            return new Filed(first, false);
        }
        play(fresh, claim, steps);
        return new Filed(fresh, true);
    }

    public record Filed(Receipt receipt, boolean isNew) {
    }

    public Collection<Receipt> all() {
        return new ArrayList<>(byKey.values());
    }

    private void play(Receipt receipt, ClaimSubmission claim, List<Adjudication.Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Adjudication.Step step = steps.get(i);
            Duration delay = properties.stepDelay().multipliedBy(i + 1L);
            webhooks.sendLater(new ClaimStatusWebhook(ClaimStatusWebhook.TYPE, claim.claimNumber(), claim.submission(),
                    receipt.oemReference(), step.status(), step.reasonCode(), step.message(), step.approvedLines(), step.paidAmount(),
                    step.paidAmount() == null ? null : "PAY-" + receipt.oemReference(),
                    claim.currency() == null ? "CNY" : claim.currency(), step.partReturnRequested(),
                    clock.instant().plus(delay)), delay);
        }
    }
}
