package dev.forecourt.sales.targets;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.sales.SalesFixtures;
import tools.jackson.databind.JsonNode;

@ForecourtServiceTest
class SalesBoardApiTest {

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    String order(String token, String vin) {
        Api.Response draft = fx.draftOrder(token, vin, "0");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.at("/id");
        assertThat(fx.as(token).post("/api/v1/sales-orders/" + id + "/confirm").status()).isEqualTo(200);
        return id;
    }

    @Test
    void ofEightEqualTargetsSetAtOnceOneIsStoredAndTheOthersAreToldItExists() throws Exception {
        String model = "Race " + System.nanoTime();
        String target = """
                {"period":"%s","model":"%s","orders":3,"deliveries":2,"revenue":{"amount":300000,"currency":"CNY"}}"""
                .formatted(YearMonth.now(ZoneId.of("Asia/Shanghai")), model);
        List<Api.Response> answers = SalesFixtures.atOnce(8, () -> fx.as(MANAGER).post("/api/v1/sales-targets", target));
        assertThat(answers).as(answers.toString()).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(7).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/target-exists");
        });
    }

    @Test
    void ordersAndDeliveriesMoveTheBoardAgainstTheManagersTargets() {
        String username = "b" + System.nanoTime();
        String consultantId = "emp-" + username;
        String consultant = TestTokens.staff(username, "sales-consultant", "vehicles:read", "sales-orders:read", "sales-orders:write",
                "sales-orders:deliver");
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String target = """
                {"period":"%s","consultantId":"%s","consultantName":"Board Tester","orders":2,"deliveries":2,
                 "revenue":{"amount":400000,"currency":"CNY"}}""".formatted(month, consultantId);
        assertThat(fx.as(CONSULTANT).post("/api/v1/sales-targets", target).status()).isEqualTo(403);
        Api.Response set = fx.as(MANAGER).post("/api/v1/sales-targets", target);
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        assertThat(set.header("Location")).isEqualTo("/api/v1/sales-targets/st-" + month + "-consultant-" + consultantId);
        assertThat(fx.as(MANAGER).post("/api/v1/sales-targets", target).at("/type")).isEqualTo("https://forecourt.dev/problems/target-exists");

        String delivered = order(consultant, fx.vehicleInStock("100000.00", true));
        fx.as(consultant).post("/api/v1/sales-orders/" + delivered + "/payments", "{\"kind\":\"BALANCE\",\"method\":\"CARD\",\"amount\":"
                + SalesFixtures.money(fx.order(delivered).at("/balanceDue/amount")) + "}");
        assertThat(fx.as(consultant).post("/api/v1/sales-orders/" + delivered + "/delivery", "{\"odometerKm\":3}").status()).isEqualTo(200);
        order(consultant, fx.vehicleInStock("120000.00", true));
        String cancelled = order(consultant, fx.vehicleInStock("90000.00", true));
        fx.as(consultant).post("/api/v1/sales-orders/" + cancelled + "/cancel", "{\"reason\":\"changed mind\"}");

        Api.Response board = fx.as(MANAGER).get("/api/v1/sales-reports/board?month=" + month);
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        JsonNode line = board.json().get("consultants").valueStream().filter(l -> l.get("key").asString().equals(consultantId))
                .findFirst().orElseThrow();
        assertThat(line.get("orders").asInt()).as("cancelled orders do not count").isEqualTo(2);
        assertThat(line.get("ordersTarget").asInt()).isEqualTo(2);
        assertThat(line.get("ordersPercent").asDouble()).isEqualTo(100.0);
        assertThat(line.get("deliveries").asInt()).isEqualTo(1);
        assertThat(line.get("deliveriesPercent").asDouble()).isEqualTo(50.0);
        assertThat(new BigDecimal(line.at("/revenue/amount").asString())).isEqualByComparingTo("105000.00");
        assertThat(line.get("revenuePercent").asDouble()).isEqualTo(26.3);
        assertThat(board.json().get("models").findValuesAsString("key")).contains("Lavida");
        assertThat(board.json().at("/store/orders").asInt()).isGreaterThanOrEqualTo(2);

        Api.Response changed = fx.as(MANAGER).header("If-Match", set.header("ETag")).put("/api/v1/sales-targets/" + set.at("/id"),
                "{\"orders\":4,\"deliveries\":2,\"revenue\":{\"amount\":400000,\"currency\":\"CNY\"}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(fx.as(MANAGER).header("If-Match", set.header("ETag")).put("/api/v1/sales-targets/" + set.at("/id"),
                "{\"orders\":5,\"deliveries\":2,\"revenue\":{\"amount\":400000,\"currency\":\"CNY\"}}").status()).isEqualTo(409);
        JsonNode revised = fx.as(MANAGER).get("/api/v1/sales-reports/board?month=" + month).json().get("consultants").valueStream()
                .filter(l -> l.get("key").asString().equals(consultantId)).findFirst().orElseThrow();
        assertThat(revised.get("ordersPercent").asDouble()).isEqualTo(50.0);

        Api.Response statistics = fx.as(MANAGER).get("/api/v1/sales-reports/statistics?year=" + month.substring(0, 4));
        assertThat(statistics.status()).isEqualTo(200);
        JsonNode thisMonth = statistics.json().get("months").valueStream().filter(m -> m.get("month").asString().equals(month))
                .findFirst().orElseThrow();
        assertThat(thisMonth.get("orders").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(thisMonth.get("deliveries").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(statistics.json().get("months").size()).isEqualTo(12);
        assertThat(fx.as(MANAGER).get("/api/v1/sales-reports/board?month=2026-13").status()).isEqualTo(400);

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventSchemas.assertValid(probe.await("forecourt.sales.sales-target-set.v1", set.at("/id")));
        }
    }
}
