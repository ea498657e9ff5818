package dev.forecourt.claims.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;

class DemoDataTest extends ClaimsIntegrationTest {

    @Autowired
    DemoData demoData;

    @Test
    void theHistoricalDemoClaimIsSeededOncePaidAndCountsInTheReportsAndAGoodwillClaimAwaitsTheDirectorAndARoadServiceClaimIsReady() {
        demoData.seed();
        demoData.seed();

        Api.Response claim = api().get("/api/v1/warranty-claims/" + DemoData.HISTORICAL_CLAIM);
        assertThat(claim.at("/status")).isEqualTo("PAID");
        assertThat(claim.at("/paymentReference")).isEqualTo("PAY-DEMO-0001");
        assertThat(api().get("/api/v1/warranty-claims?vin=LSVAB4BM7RN000001&status=PAID").json().get("items").valueStream()
                .filter(c -> DemoData.HISTORICAL_CLAIM.equals(c.path("id").asString())).count()).isEqualTo(1);
        Api.Response goodwill = api().get("/api/v1/warranty-claims/" + DemoData.GOODWILL_CLAIM);
        assertThat(goodwill.at("/status")).isEqualTo("DRAFT");
        assertThat(goodwill.at("/content/claimType")).isEqualTo("GOODWILL");
        assertThat(goodwill.at("/goodwillApproval")).isNull();
        assertThat(api().get("/api/v1/warranty-claims/" + DemoData.GOODWILL_CLAIM + "/validation").body()).contains("goodwillApproval");
        Api.Response roadService = api().get("/api/v1/warranty-claims/" + DemoData.ROAD_SERVICE_CLAIM);
        assertThat(roadService.at("/source")).isEqualTo("WARRANTY_JOB");
        assertThat(roadService.at("/content/outsideServiceOrder/orderNumber")).isEqualTo("FW-DEMO-0001");
        assertThat(roadService.at("/content/outsideServiceKm")).isEqualTo("46");
        assertThat(api().get("/api/v1/warranty-claims/" + DemoData.ROAD_SERVICE_CLAIM + "/validation").at("/ready")).isEqualTo("true");
        Api.Response summary = api().get("/api/v1/claims-reports/summary");
        assertThat(summary.json().path("byStatus").path("PAID").asInt()).isPositive();
    }
}
