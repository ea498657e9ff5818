package dev.forecourt.claims.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.claims.webhook.InboxEntry.InboxState;
import dev.forecourt.oemsim.webhook.WebhookSigner;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import io.micrometer.core.instrument.MeterRegistry;

class OemWebhookInboxTest extends ClaimsIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    OemWebhooks webhooks() {
        return new OemWebhooks(port);
    }

    @Test
    void aForgedSignatureIsRejectedWith401AndNotStored() {
        Api.Response claim = submittedClaim();
        String id = OemWebhooks.newId();
        String body = OemWebhooks.status(claim.at("/claimNumber"), 1, "ACCEPTED");
        long now = Instant.now().getEpochSecond();
        String forged = new WebhookSigner("whsec_c29tZW9uZS1lbHNlcy1zZWNyZXQ=").sign(id, now, body);

        Api.Response answer = webhooks().send(id, now, forged, body);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.at("/type")).endsWith("/webhook-signature");
        assertThat(webhooks().send(id, now, null, body).status()).as("no signature at all").isEqualTo(401);
        String tampered = body.replace("ACCEPTED", "APPROVED");
        assertThat(webhooks().send(id, now, new WebhookSigner(OemWebhooks.SECRET).sign(id, now, body), tampered).status())
                .as("a valid signature over another body").isEqualTo(401);
        assertThat(mongo.findById(id, InboxEntry.class)).isNull();
        assertThat(api().get("/api/v1/warranty-claims/" + claim.at("/id")).at("/status")).isEqualTo("SUBMITTED");
    }

    @Test
    void duringTheOemsSecretRotationWebhooksSignedWithTheNewOrTheOldSecretAreBothApplied() {
        Api.Response claim = submittedClaim();
        String number = claim.at("/claimNumber");
        long now = Instant.now().getEpochSecond();
        String viaNew = OemWebhooks.newId();
        String accepted = OemWebhooks.status(number, 1, "ACCEPTED");
        String newSignature = new WebhookSigner(ROTATED_WEBHOOK_SECRET).sign(viaNew, now, accepted);

        assertThat(webhooks().send(viaNew, now, newSignature, accepted).status()).isEqualTo(202);
        awaitStatus(claim.at("/id"), "ACCEPTED");
        // the old secret (OemWebhooks signs with it) still works until it is dropped from the list
        assertThat(webhooks().post(OemWebhooks.newId(), OemWebhooks.status(number, 1, "APPROVED")).status()).isEqualTo(202);
        awaitStatus(claim.at("/id"), "APPROVED");
    }

    @Test
    void aWebhookSignedWithASecretOutsideTheRotationListIsRefused() {
        Api.Response claim = submittedClaim();
        String id = OemWebhooks.newId();
        long now = Instant.now().getEpochSecond();
        String body = OemWebhooks.status(claim.at("/claimNumber"), 1, "PAID", ",\"paidAmount\":99999.00");
        // both listed secrets and an attacker's own one, as Standard Webhooks allows several signatures
        String attacker = new WebhookSigner("whsec_cmV0aXJlZC1vZW0tc2VjcmV0").sign(id, now, body);

        Api.Response answer = webhooks().send(id, now, attacker + " v1,AAAA v2,bogus", body);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(mongo.findById(id, InboxEntry.class)).isNull();
    }

    @Test
    void aStaleTimestampIsRejectedWith401EvenWhenCorrectlySigned() {
        Api.Response claim = submittedClaim();
        String body = OemWebhooks.status(claim.at("/claimNumber"), 1, "ACCEPTED");
        long sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        long sixMinutesAhead = Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond();

        Api.Response stale = webhooks().post(OemWebhooks.newId(), sixMinutesAgo, body);
        Api.Response future = webhooks().post(OemWebhooks.newId(), sixMinutesAhead, body);

        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.isProblem()).isTrue();
        assertThat(future.status()).isEqualTo(401);
        assertThat(webhooks().post(OemWebhooks.newId(), Instant.now().minus(Duration.ofMinutes(4)).getEpochSecond(), body).status())
                .as("within the tolerance").isEqualTo(202);
    }

    @Test
    void aReplayedWebhookIdIsAcknowledgedWithoutASecondEffect() {
        Api.Response claim = submittedClaim();
        String claimId = claim.at("/id");
        String id = OemWebhooks.newId();
        assertThat(webhooks().post(id, OemWebhooks.status(claim.at("/claimNumber"), 1, "ACCEPTED")).status()).isEqualTo(202);
        awaitStatus(claimId, "ACCEPTED");

        // The same webhook-id again, this time even carrying a later status: still the first webhook, no effect.
        Api.Response replay = webhooks().post(id, OemWebhooks.status(claim.at("/claimNumber"), 1, "REJECTED", ",\"reasonCode\":\"R99\""));

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.at("/state")).isEqualTo("DUPLICATE");
        Api.Response after = api().get("/api/v1/warranty-claims/" + claimId);
        assertThat(after.at("/status")).isEqualTo("ACCEPTED");
        assertThat(after.json().get("history").valueStream().filter(h -> id.equals(h.path("webhookId").asString())).count())
                .isEqualTo(1);
        assertThat(mongo.findById(id, InboxEntry.class).body()).contains("ACCEPTED");
    }

    @Test
    void aPaidClaimDoesNotGoBackWhenAnOldWebhookArrivesLate() {
        Api.Response claim = submittedClaim();
        String claimId = claim.at("/id");
        String number = claim.at("/claimNumber");
        double before = approvedCount();
        webhooks().post(OemWebhooks.newId(), OemWebhooks.status(number, 1, "APPROVED",
                ",\"approvedLines\":[{\"kind\":\"LABOUR\",\"reference\":\"1734\",\"amount\":200.00},"
                        + "{\"kind\":\"PART\",\"reference\":\"06L115562B\",\"amount\":88.00}]"));
        awaitStatus(claimId, "APPROVED");
        webhooks().post(OemWebhooks.newId(), OemWebhooks.status(number, 1, "PAID",
                ",\"paidAmount\":288.00,\"paymentReference\":\"PAY-1\""));
        awaitStatus(claimId, "PAID");

        String lateSubmitted = OemWebhooks.newId();
        String lateAccepted = OemWebhooks.newId();
        assertThat(webhooks().post(lateSubmitted, OemWebhooks.status(number, 1, "SUBMITTED")).status()).isEqualTo(202);
        assertThat(webhooks().post(lateAccepted, OemWebhooks.status(number, 1, "ACCEPTED")).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.findById(lateSubmitted, InboxEntry.class).state() != InboxState.RECEIVED
                        && mongo.findById(lateAccepted, InboxEntry.class).state() != InboxState.RECEIVED);

        assertThat(mongo.findById(lateSubmitted, InboxEntry.class).state()).isEqualTo(InboxState.IGNORED);
        assertThat(mongo.findById(lateAccepted, InboxEntry.class).state()).isEqualTo(InboxState.IGNORED);
        Api.Response paid = api().get("/api/v1/warranty-claims/" + claimId);
        assertThat(paid.at("/status")).isEqualTo("PAID");
        assertThat(new BigDecimal(paid.at("/approvedAmount/amount"))).isEqualByComparingTo("288");
        assertThat(new BigDecimal(paid.at("/paidAmount/amount"))).isEqualByComparingTo("288");
        assertThat(new BigDecimal(paid.at("/lines/0/approved/amount"))).isEqualByComparingTo("200");
        assertThat(approvedCount() - before).isEqualTo(1.0);
        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            EventSchemas.assertValid(probe.await("forecourt.claims.warranty-claim-paid.v1", claimId));
            EventSchemas.assertValid(probe.await("forecourt.claims.warranty-claim-status-changed.v1", claimId));
            assertThat(probe.about(claimId).stream().filter(e -> e.type().endsWith("status-changed.v1"))
                    .map(e -> e.data().get("to").asString()).distinct()).containsExactly("APPROVED", "PAID");
        }
    }

    @Test
    void aWebhookAboutAnUnknownClaimIsStoredAndReported() {
        String id = OemWebhooks.newId();
        String number = unique("WC-nowhere");

        assertThat(webhooks().post(id, OemWebhooks.status(number, 1, "APPROVED")).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response unmatched = api().get("/api/v1/warranty-claims/unmatched-webhooks");
            assertThat(unmatched.body()).contains(id).contains(number).contains("UNKNOWN_CLAIM");
        });
    }

    @Test
    void theOemAskingForTheCausalPartTellsPartsAndTheShipmentShowsOnTheClaim() {
        Api.Response claim = submittedClaim();
        String claimId = claim.at("/id");
        String number = claim.at("/claimNumber");
        webhooks().post(OemWebhooks.newId(), OemWebhooks.status(number, 1, "ACCEPTED", ",\"partReturnRequested\":true"));

        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            var requested = probe.await("forecourt.claims.causal-part-requested.v1", claimId);
            EventSchemas.assertValid(requested);
            assertThat(requested.data().get("partNumber").asString()).isEqualTo("06L115562B");
            assertThat(requested.data().get("claimNumber").asString()).isEqualTo(number);
        }
        IncomingEvents.publish("forecourt.parts.warranty-part-shipped.v1", "rp-1", """
                {"retainedPartId":"rp-%s","claimNumber":"%s","repairOrderId":"%s","partNumber":"06L115562B",
                 "shippedAt":"2026-11-20T08:00:00Z","shippedBy":"storekeeper"}""".formatted(number, number, claim.at("/content/repairOrderId")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response shown = api().get("/api/v1/warranty-claims/" + claimId);
            assertThat(shown.at("/partReturn/shippedAt")).isEqualTo("2026-11-20T08:00:00Z");
            assertThat(shown.at("/partReturn/retainedPartId")).isEqualTo("rp-" + number);
            assertThat(shown.at("/status")).isEqualTo("ACCEPTED");
        });
    }

    private double approvedCount() {
        var counter = meters.find("forecourt.claims.approved").counter();
        return counter == null ? 0 : counter.count();
    }
}
