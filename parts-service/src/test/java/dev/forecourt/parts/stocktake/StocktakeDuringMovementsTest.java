package dev.forecourt.parts.stocktake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;

/**
 * The store keeps issuing while it counts. The shelf holds 30, the books say 31 (one piece went
 * missing), the sheet is printed with book 31, and one piece is issued while counting: the truth
 * is 29 on the shelf, and after approval the books must say 29 whether the issue came before or
 * after the bin was counted.
 */
@ForecourtServiceTest
class StocktakeDuringMovementsTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairOrders repairOrders;

    @Test
    void anIssueBeforeTheBinIsCountedIsNotCountedTwice() {
        PartsFixture parts = new PartsFixture(port, repairOrders);
        String zone = "Q" + UUID.randomUUID().toString().substring(0, 6);
        String part = thirtyOnTheShelfThirtyOneInTheBooks(parts, zone);
        String id = start(parts, zone);

        assertThat(parts.issue(part, 1, PartsFixture.id("ro")).status()).isEqualTo(201); // shelf 29, book 30
        count(parts, id, part, 29);                                                        // the counter finds 29

        Api.Response approved = approve(parts, id);
        assertThat(approved.at("/sheets/0/lines/0/bookQuantity")).isEqualTo("30");
        assertThat(parts.stock(part, "onHand")).isEqualTo(29).isEqualTo(parts.ledgerSum(part));
    }

    @Test
    void anIssueAfterTheBinWasCountedIsKeptOnTopOfTheVariance() {
        PartsFixture parts = new PartsFixture(port, repairOrders);
        String zone = "Q" + UUID.randomUUID().toString().substring(0, 6);
        String part = thirtyOnTheShelfThirtyOneInTheBooks(parts, zone);
        String id = start(parts, zone);

        count(parts, id, part, 30);                                                        // counted 30 against book 31
        assertThat(parts.issue(part, 1, PartsFixture.id("ro")).status()).isEqualTo(201); // shelf 29, book 30

        Api.Response approved = approve(parts, id);
        assertThat(approved.at("/summary/netVariance")).isEqualTo("-1");
        assertThat(parts.stock(part, "onHand")).isEqualTo(29).isEqualTo(parts.ledgerSum(part));
    }

    private static String thirtyOnTheShelfThirtyOneInTheBooks(PartsFixture parts, String zone) {
        String part = parts.part(0, 100, 0, zone + "-01", "68.00");
        parts.receive(part, 31);
        return part;
    }

    private static String start(PartsFixture parts, String zone) {
        Api.Response started = parts.api().post("/api/v1/stocktakes", "{\"binPrefixes\":[\"" + zone + "\"]}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.at("/sheets/0/lines/0/bookQuantity")).isEqualTo("31");
        return started.at("/id");
    }

    private static void count(PartsFixture parts, String id, String part, int counted) {
        Api.Response recorded = parts.api().put("/api/v1/stocktakes/" + id + "/counts", """
                {"counts":[{"partNumber":"%s","counted":%d}]}""".formatted(part, counted));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
    }

    private static Api.Response approve(PartsFixture parts, String id) {
        assertThat(parts.api().post("/api/v1/stocktakes/" + id + "/submit").status()).isEqualTo(200);
        Api.Response approved = parts.api().post("/api/v1/stocktakes/" + id + "/approve");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return approved;
    }
}
