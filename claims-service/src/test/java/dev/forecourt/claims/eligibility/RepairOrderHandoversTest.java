package dev.forecourt.claims.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.IncomingEvents;

class RepairOrderHandoversTest extends ClaimsIntegrationTest {

    @Test
    void aClaimTypedInBeforeTheHandoverLearnsItsHandoverTimeFromTheWorkshop() {
        String repairOrderId = unique("ro");
        String json = readyClaimJson(repairOrderId, "Oil filter housing seal hardened and cracked")
                .replaceAll("\"handedOverAt\":\"[^\"]*\",", "");
        String id = api().post("/api/v1/warranty-claims", json).at("/id");
        assertThat(api().get("/api/v1/warranty-claims/" + id + "/validation").body()).contains("handedOverAt");
        Instant handedOverAt = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);

        IncomingEvents.publish("forecourt.workshop.repair-order-handed-over.v1", repairOrderId, """
                {"repairOrderId":"%s","orderNumber":"RO-%s","vin":"LSVAB4BM7RN000001","plate":"沪A10001","brand":"Volkswagen",
                 "model":"Lavida","customerId":"cust-13800000001","customerName":"张伟","customerPhone":"13800000001",
                 "advisorId":"emp-advisor","advisorName":"郑敏 Zheng Min","odometerOutKm":23001,"handedOverAt":"%s",
                 "payTypes":["WARRANTY"],"reworkOf":null}""".formatted(repairOrderId, repairOrderId, handedOverAt));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response claim = api().get("/api/v1/warranty-claims/" + id);
            assertThat(claim.at("/content/handedOverAt")).isEqualTo(handedOverAt.toString());
        });
        assertThat(api().get("/api/v1/warranty-claims/" + id + "/validation").at("/ready")).isEqualTo("true");
    }
}
