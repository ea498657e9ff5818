package dev.forecourt.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;

/** GET answers the claim's version as ETag; a correction names the version it edited in If-Match. */
class ClaimVersioningTest extends ClaimsIntegrationTest {

    @Test
    void aCorrectionWithAStaleIfMatchIsRefusedAndWithTheCurrentOneAnswersANewETag() {
        String id = draftReadyClaim().at("/id");
        Api.Response read = api().get("/api/v1/warranty-claims/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.at("/version") + "\"");

        Api.Response current = api().header("If-Match", etag).put("/api/v1/warranty-claims/" + id,
                readyClaimJson(read.at("/content/repairOrderId"), "Oil filter housing cracked at the casting seam"));
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.header("ETag")).isNotEqualTo(etag).isEqualTo("\"" + current.at("/version") + "\"");

        Api.Response stale = api().header("If-Match", etag).put("/api/v1/warranty-claims/" + id,
                readyClaimJson(read.at("/content/repairOrderId"), "Someone else's edit of the old version"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.at("/type")).endsWith("/version-conflict");
        assertThat(stale.at("/currentVersion")).isEqualTo(current.at("/version"));
        assertThat(stale.header("ETag")).isEqualTo(current.header("ETag"));
        assertThat(api().get("/api/v1/warranty-claims/" + id).at("/content/cause")).isEqualTo("Oil filter housing cracked at the casting seam");
        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            var corrected = probe.await("forecourt.claims.warranty-claim-corrected.v1", id);
            EventSchemas.assertValid(corrected);
            assertThat(corrected.data().get("correctedBy").asString()).isEqualTo("warranty");
            assertThat(probe.about(id).stream().filter(e -> e.type().endsWith("warranty-claim-corrected.v1"))).hasSize(1);
        }
    }

    @Test
    void aMalformedIfMatchIsRefusedNamingTheHeader() {
        String id = draftReadyClaim().at("/id");

        Api.Response answer = api().header("If-Match", "yesterday").put("/api/v1/warranty-claims/" + id,
                readyClaimJson(unique("ro"), "Oil filter housing cracked at the casting seam"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("If-Match");
    }

    @Test
    void aSubmissionWithAStaleIfMatchIsRefusedAndTheClaimStaysADraft() {
        Api.Response draft = draftReadyClaim();
        String id = draft.at("/id");
        long version = Long.parseLong(draft.at("/version"));
        api().put("/api/v1/warranty-claims/" + id, readyClaimJson(draft.at("/content/repairOrderId"), "Oil filter housing seal torn at the lip")
                .replaceFirst("\\{", "{\"version\":" + version + ","));

        Api.Response stale = api().header("If-Match", "\"" + version + "\"").post("/api/v1/warranty-claims/" + id + "/submit");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("/version-conflict");
        assertThat(api().get("/api/v1/warranty-claims/" + id).at("/status")).isEqualTo("DRAFT");
    }

    @Test
    void listsAnswerTheOnePageShapeAndRefuseAnOversizedPage() {
        draftReadyClaim();

        Api.Response page = api().get("/api/v1/warranty-claims?status=DRAFT&page=0&size=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/size")).isEqualTo("5");
        assertThat(page.at("/page")).isEqualTo("0");
        assertThat(Long.parseLong(page.at("/total"))).isPositive();
        assertThat(api().get("/api/v1/warranty-claims?size=201").status()).isEqualTo(400);
    }

    @Test
    void theContentReadWithGetGoesBackAsItIsWithItsETag() {
        String id = draftReadyClaim().at("/id");
        Api.Response read = api().get("/api/v1/warranty-claims/" + id);
        String content = read.json().get("content").toString().replace("Oil filter housing seal hardened and cracked",
                "Oil filter housing seal hardened and torn");

        Api.Response corrected = api().header("If-Match", read.header("ETag")).put("/api/v1/warranty-claims/" + id, content);

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.at("/content/cause")).isEqualTo("Oil filter housing seal hardened and torn");
        assertThat(corrected.header("ETag")).isNotEqualTo(read.header("ETag"));
    }
}
