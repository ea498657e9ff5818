package dev.forecourt.claims.claim;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.oemsim.webhook.WebhookSigner;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.TestTokens;

class ClaimCorrectionTest extends ClaimsIntegrationTest {

    static final WebhookSigner OEM_SIGNER = new WebhookSigner("whsec_Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0");

    @Test
    void aRejectedClaimIsCorrectedAndResubmittedAsANewRoundAndTheReasonIsReported() {
        Api.Response claim = submittedClaim();
        String id = claim.at("/id");
        String number = claim.at("/claimNumber");
        webhook(number, 1, "REJECTED", ",\"reasonCode\":\"PART_NOT_COVERED\",\"message\":\"Seal not covered\"");
        awaitStatus(id, "REJECTED");
        Api.Response rejected = api().get("/api/v1/warranty-claims/" + id);
        assertThat(rejected.at("/reasonCode")).isEqualTo("PART_NOT_COVERED");
        assertThat(api().get("/api/v1/claims-reports/rejection-reasons").body()).contains("PART_NOT_COVERED");

        Api.Response stale = api().put("/api/v1/warranty-claims/" + id, withVersion(0, "Housing seal cracked from heat"));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response corrected = api().put("/api/v1/warranty-claims/" + id,
                withVersion(Long.parseLong(rejected.at("/version")), "Oil filter housing cracked at the casting seam"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.at("/content/cause")).isEqualTo("Oil filter housing cracked at the casting seam");

        Api.Response resubmitted = api().post("/api/v1/warranty-claims/" + id + "/submit");

        assertThat(resubmitted.status()).isEqualTo(200);
        awaitStatus(id, "SUBMITTED");
        assertThat(api().get("/api/v1/warranty-claims/" + id).at("/submission")).isEqualTo("2");
        assertThat(OEM.findAll(postRequestedFor(urlEqualTo("/oem/v1/warranty-claims"))
                .withHeader("Idempotency-Key", equalTo(number + "-2")))).isNotEmpty();
        // the OEM's late answer to the first round does not touch the second
        webhook(number, 1, "PAID", ",\"paidAmount\":1.00");
        webhook(number, 2, "ACCEPTED", "");
        awaitStatus(id, "ACCEPTED");
        assertThat(api().get("/api/v1/warranty-claims/" + id).at("/paidAmount")).isNull();
    }

    @Test
    void aClaimWithTheOemCannotBeEditedAndOnlyAdministratorsMaySubmit() {
        Api.Response claim = submittedClaim();
        String id = claim.at("/id");

        Api.Response edit = api().put("/api/v1/warranty-claims/" + id, withVersion(Long.parseLong(claim.at("/version")), "x"));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.at("/currentState")).isEqualTo("SUBMITTED");

        String draftId = draftReadyClaim().at("/id");
        Api advisor = client().as(TestTokens.staff("advisor", "service-advisor", "claims:read", "claims:write"));
        assertThat(advisor.post("/api/v1/warranty-claims/" + draftId + "/submit").status()).isEqualTo(403);
        assertThat(api().get("/api/v1/warranty-claims/" + draftId).at("/status")).isEqualTo("DRAFT");
    }

    private String withVersion(long version, String cause) {
        return readyClaimJson(unique("ro"), cause).replaceFirst("\\{", "{\"version\":" + version + ",");
    }

    private void webhook(String number, int round, String status, String extra) {
        String id = "msg_" + java.util.UUID.randomUUID();
        long ts = Instant.now().getEpochSecond();
        String body = "{\"claimNumber\":\"%s\",\"submission\":%d,\"status\":\"%s\"%s}".formatted(number, round, status, extra);
        Api.Response answer = client().header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", OEM_SIGNER.sign(id, ts, body)).post("/webhooks/oem/claim-status", body);
        assertThat(answer.status()).isEqualTo(202);
    }
}
