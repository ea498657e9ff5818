package dev.forecourt.parts.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class PlanningReportsTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.forecourt.parts.repairorders.RepairOrders repairOrders;

    @Test
    void fallingBelowTheMinimumRaisesOneAlertAndASuggestionUpToTheMaximum() {
        PartsFixture parts = new PartsFixture(port, repairOrders);
        String filter = parts.part(5, 20, 2, "P-01", "68.00");
        parts.receive(filter, 8);
        parts.issue(filter, 3, "ro-a");
        parts.issue(filter, 1, "ro-b");
        parts.issue(filter, 1, "ro-c");
        Api planner = Api.at(port).checked().as(TestTokens.staff("planner", "parts-planner", "parts:plan"));

        JsonNode suggestion = find(planner.get("/api/v1/replenishment-suggestions?usageDays=30&leadTimeDays=7").json(), filter);
        assertThat(suggestion).isNotNull();
        assertThat(suggestion.get("available").asInt()).isEqualTo(3);
        assertThat(suggestion.get("recentUsage").asInt()).isEqualTo(5);
        assertThat(suggestion.get("reorderPoint").asInt()).isEqualTo(5);
        assertThat(suggestion.get("suggestedQuantity").asInt()).isEqualTo(17);

        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent alert = probe.await("forecourt.parts.stock-below-reorder-point.v1", filter);
            EventSchemas.assertValid(alert);
            assertThat(alert.data().get("available").asInt()).isEqualTo(4);
            assertThat(probe.about(filter).stream().filter(e -> e.type().endsWith("stock-below-reorder-point.v1"))).hasSize(1);
        }
    }

    @Test
    void partsNobodyIssuesAreSlowMoversAndTurnoverComesFromTheLedger() {
        PartsFixture parts = new PartsFixture(port, repairOrders);
        String idle = parts.part(0, 10, 0, "P-02", "100.00");
        String busy = parts.part(0, 10, 0, "P-03", "10.00");
        parts.receive(idle, 2);
        parts.receive(busy, 10);
        parts.issue(busy, 5, "ro-t");
        Api planner = Api.at(port).checked().as(TestTokens.staff("planner", "parts-planner", "parts:plan"));

        JsonNode slow = planner.get("/api/v1/parts-reports/slow-movers?days=30").json();
        assertThat(find(slow, idle)).isNotNull();
        assertThat(find(slow, idle).get("stockValue").asDouble()).isEqualTo(200.0);
        assertThat(find(slow, busy)).isNull();

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Api.Response turnover = planner.get("/api/v1/parts-reports/turnover?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        JsonNode line = find(turnover.json().get("parts"), busy);
        assertThat(line.get("issued").asInt()).isEqualTo(5);
        assertThat(line.get("openingStock").asInt()).isZero();
        assertThat(line.get("closingStock").asInt()).isEqualTo(5);
        assertThat(line.get("turnover").asDouble()).isEqualTo(2.0);
        assertThat(planner.get("/api/v1/parts-reports/turnover?from=" + today + "&to=" + today.minusDays(3)).status()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode items, String partNumber) {
        for (JsonNode item : items) {
            if (item.get("partNumber").asString().equals(partNumber)) {
                return item;
            }
        }
        return null;
    }
}
