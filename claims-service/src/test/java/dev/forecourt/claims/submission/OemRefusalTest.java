package dev.forecourt.claims.submission;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;

class OemRefusalTest extends ClaimsIntegrationTest {

    @Test
    void aClaimTheOemRefusesWith422ShowsSubmissionRefusedWithTheOemsReasonAndIsNotSentAgain() {
        Api.Response draft = draftReadyClaim();
        String claimId = draft.at("/id");
        String number = draft.at("/claimNumber");
        refuse(number, 422, "{\"code\":\"VIN_NOT_REGISTERED\",\"message\":\"The VIN is not registered to this dealer\"}");

        Api.Response submitted = api().post("/api/v1/warranty-claims/" + claimId + "/submit");

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.at("/status")).isEqualTo("SUBMISSION_REFUSED");
        assertThat(submitted.at("/submissionRefusal/httpStatus")).isEqualTo("422");
        assertThat(submitted.at("/submissionRefusal/reasonCode")).isEqualTo("VIN_NOT_REGISTERED");
        assertThat(submitted.at("/submissionRefusal/reason")).isEqualTo("The VIN is not registered to this dealer");
        assertThat(submitted.at("/pendingSubmission")).isNull();
        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            var requested = probe.await("forecourt.claims.warranty-claim-submission-requested.v1", claimId);
            EventSchemas.assertValid(requested);
            assertThat(requested.data().get("from").asString()).isEqualTo("DRAFT");
            assertThat(requested.data().get("requestedBy").asString()).isEqualTo("warranty");
            var refused = probe.await("forecourt.claims.warranty-claim-submission-refused.v1", claimId);
            EventSchemas.assertValid(refused);
            assertThat(refused.data().get("reasonCode").asString()).isEqualTo("VIN_NOT_REGISTERED");
        }
        // the resender runs every 300 ms here and resends after 1 s: a refused claim is never among its work
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(OEM.findAll(postRequestedFor(urlEqualTo("/oem/v1/warranty-claims"))
                        .withHeader("Idempotency-Key", equalTo(number)))).hasSize(1));
        assertThat(api().get("/api/v1/warranty-claims/" + claimId).at("/status")).isEqualTo("SUBMISSION_REFUSED");
        assertThat(api().get("/api/v1/warranty-claims?status=SUBMISSION_REFUSED").body()).contains(claimId);
    }

    @Test
    void aRefusedClaimIsCorrectedAndResubmittedAsANewRoundThatTheOemTakes() {
        Api.Response draft = draftReadyClaim();
        String claimId = draft.at("/id");
        String number = draft.at("/claimNumber");
        refuse(number, 400, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"detail\":\"causalPartNumber is not a part of this model\"}");
        Api.Response refused = api().post("/api/v1/warranty-claims/" + claimId + "/submit");
        assertThat(refused.at("/status")).isEqualTo("SUBMISSION_REFUSED");
        assertThat(refused.at("/submissionRefusal/reason")).isEqualTo("causalPartNumber is not a part of this model");

        Api.Response corrected = api().header("If-Match", refused.header("ETag")).put("/api/v1/warranty-claims/" + claimId,
                readyClaimJson(refused.at("/content/repairOrderId"), "Oil filter housing seal hardened and cracked at the lip"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        Api.Response resubmitted = api().post("/api/v1/warranty-claims/" + claimId + "/submit");

        assertThat(resubmitted.status()).isEqualTo(200);
        awaitStatus(claimId, "SUBMITTED");
        Api.Response claim = api().get("/api/v1/warranty-claims/" + claimId);
        assertThat(claim.at("/submission")).isEqualTo("2");
        assertThat(claim.at("/submissionRefusal")).isNull();
        assertThat(OEM.findAll(postRequestedFor(urlEqualTo("/oem/v1/warranty-claims"))
                .withHeader("Idempotency-Key", equalTo(number + "-2")))).hasSize(1);
        assertThat(claim.json().get("history").valueStream().map(h -> h.path("to").asString()))
                .containsSubsequence("SUBMISSION_PENDING", "SUBMISSION_REFUSED", "SUBMISSION_PENDING", "SUBMITTED");
    }

    @Test
    void anOemThrottlingWith429IsNotARefusalTheClaimStaysQueued() {
        Api.Response draft = draftReadyClaim();
        String number = draft.at("/claimNumber");
        refuse(number, 429, "{\"message\":\"slow down\"}");

        Api.Response submitted = api().post("/api/v1/warranty-claims/" + draft.at("/id") + "/submit");

        assertThat(submitted.at("/status")).isEqualTo("SUBMISSION_PENDING");
        assertThat(submitted.at("/submissionRefusal")).isNull();
        OEM.removeStubMapping(OEM.getStubMappings().stream().filter(m -> m.getRequest().getHeaders() != null
                && m.getRequest().getHeaders().containsKey("Idempotency-Key")
                && m.getRequest().getHeaders().get("Idempotency-Key").getExpected().equals(number)).findFirst().orElseThrow());
        awaitStatus(draft.at("/id"), "SUBMITTED");
    }

    private static void refuse(String claimNumber, int status, String body) {
        OEM.stubFor(post(urlEqualTo("/oem/v1/warranty-claims")).atPriority(1).withHeader("Idempotency-Key", equalTo(claimNumber))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }
}
