package dev.forecourt.claims.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.ClaimStatus;
import dev.forecourt.claims.claim.OemVerdict;
import dev.forecourt.claims.claim.VerdictOutcome;
import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.claims.claim.WarrantyClaims;
import dev.forecourt.claims.webhook.InboxEntry.InboxState;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies stored OEM webhooks to their claims, oldest first. Each entry is leased with one atomic
 * update, so several instances (or a nudge and the sweep) never process it twice at once; an
 * entry whose processing failed is taken up again when its lease runs out.
 */
@Component
public class InboxProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final WarrantyClaims claims;
    private final AggregateStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReentrantLock draining = new ReentrantLock();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> new Thread(r, "claims-webhook-inbox"));

    public InboxProcessor(MongoTemplate mongo, WarrantyClaims claims, AggregateStore store, JsonMapper json, Clock clock,
                          MeterRegistry meters) {
        this.mongo = mongo;
        this.claims = claims;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** Processes promptly after a webhook was stored, without holding up the OEM's request. */
    public void nudge() {
        nudges.execute(this::drain);
    }

    /** The sweep: catches whatever a nudge missed (a restart, a failed attempt whose lease ran out). */
    @Scheduled(fixedDelayString = "${forecourt.oem.inbox-sweep-interval:2s}")
    public void drain() {
        if (!draining.tryLock()) {
            return;
        }
        try {
            for (InboxEntry entry = lease(); entry != null; entry = lease()) {
                process(entry);
            }
        } catch (RuntimeException e) {
            log.warn("Processing the OEM webhook inbox stopped, resuming at the next sweep: {}", e.toString());
        } finally {
            draining.unlock();
        }
    }

    private InboxEntry lease() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("state").is(InboxState.RECEIVED)
                        .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(now)))
                .with(Sort.by("receivedAt", "_id"));
        return mongo.findAndModify(due, new Update().set("leaseUntil", now.plus(LEASE)).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), InboxEntry.class);
    }

    private void process(InboxEntry entry) {
        OemStatusWebhook webhook;
        OemVerdict verdict;
        try {
            webhook = json.readValue(entry.body(), OemStatusWebhook.class);
            verdict = webhook.toVerdict();
        } catch (RuntimeException unreadable) {
            log.warn("OEM webhook {} is signed but unreadable: {}", entry.id(), unreadable.getMessage());
            finish(entry, InboxState.UNREADABLE, null, String.valueOf(unreadable.getMessage()));
            return;
        }
        try {
            Optional<WarrantyClaim> claim = claims.byClaimNumber(webhook.claimNumber());
            if (claim.isEmpty()) {
                log.warn("OEM webhook {} is about claim {}, which this store does not know: kept in the inbox",
                        entry.id(), webhook.claimNumber());
                meters.counter("forecourt.claims.webhooks.unmatched").increment();
                finish(entry, InboxState.UNKNOWN_CLAIM, webhook.claimNumber(), "no claim with this number");
                return;
            }
            String claimId = claim.get().getId();
            VerdictOutcome outcome = store.changeReturning(() -> claims.get(claimId), ExpectedVersion.ANY,
                    c -> c.applyOemVerdict(verdict, entry.id(), clock.instant())).result();
            if (outcome instanceof VerdictOutcome.Applied) {
                if (verdict.status() == ClaimStatus.APPROVED) {
                    meters.counter("forecourt.claims.approved").increment();
                }
                finish(entry, InboxState.APPLIED, webhook.claimNumber(), "applied " + verdict.status());
            } else if (outcome instanceof VerdictOutcome.Ignored ignored) {
                finish(entry, InboxState.IGNORED, webhook.claimNumber(), ignored.reason());
            }
        } catch (RuntimeException e) {
            if (entry.attempts() >= MAX_ATTEMPTS) {
                finish(entry, InboxState.FAILED, webhook.claimNumber(), e.toString());
            } else {
                log.warn("OEM webhook {} could not be applied (attempt {}), retried after its lease: {}", entry.id(), entry.attempts(), e.toString());
            }
        }
    }

    private void finish(InboxEntry entry, InboxState state, String claimNumber, String outcome) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())), new Update()
                .set("state", state).set("claimNumber", claimNumber).set("outcome", outcome)
                .set("processedAt", clock.instant()).unset("leaseUntil"), InboxEntry.class);
    }

    @Override
    public void destroy() {
        nudges.shutdownNow();
    }
}
