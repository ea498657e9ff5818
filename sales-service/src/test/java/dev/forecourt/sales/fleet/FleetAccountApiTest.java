package dev.forecourt.sales.fleet;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.sales.SalesFixtures;

/** Fleet accounts (大客户): contacts and grade, changed with If-Match, closed, and their orders. */
@ForecourtServiceTest
class FleetAccountApiTest {

    static final String FLEET = TestTokens.staff("fleet", "fleet-sales-supervisor", "fleet-accounts:write", "sales-orders:read",
            "sales-orders:write", "vehicles:read");

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    static final String ACCOUNT = """
            {"name":"上海城投出行","sector":"%s","grade":"%s","creditCode":"91310000MA1FL0001X",
             "contacts":[{"name":"吴军","role":"fleet manager","phone":"13900001111","email":"wu@example.com"}],"note":"20 cars a year"}""";

    @Test
    void aFleetAccountWithContactsAndGradeIsChangedWithIfMatchClosedAndListsItsOrders() {
        assertThat(fx.as(CONSULTANT).post("/api/v1/fleet-accounts", ACCOUNT.formatted("ENTERPRISE", "B")).status()).isEqualTo(403);
        assertThat(fx.as(FLEET).post("/api/v1/fleet-accounts", """
                {"name":"x","sector":"OTHER","grade":"C","contacts":[]}""").status()).isEqualTo(400);
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            Api.Response opened = fx.as(FLEET).post("/api/v1/fleet-accounts", ACCOUNT.formatted("ENTERPRISE", "B"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            String id = opened.at("/id");
            assertThat(opened.header("Location")).isEqualTo("/api/v1/fleet-accounts/" + id);
            assertThat(opened.header("ETag")).isEqualTo("\"0\"");
            assertThat(opened.at("/accountManagerId")).as("the one who opened it by default").isEqualTo("emp-fleet");
            assertThat(opened.at("/contacts/0/phone")).isEqualTo("13900001111");
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.fleet-account-opened.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().toString()).doesNotContain("13900001111");

            Api.Response changed = fx.as(FLEET).header("If-Match", "\"0\"").put("/api/v1/fleet-accounts/" + id, ACCOUNT.formatted("RENTAL", "A"));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.at("/grade")).isEqualTo("A");
            assertThat(changed.header("ETag")).isEqualTo("\"1\"");
            EventProbe.ReceivedEvent change = probe.await("forecourt.sales.fleet-account-changed.v1", id);
            EventSchemas.assertValid(change);
            assertThat(change.data().get("previousGrade").asString()).isEqualTo("B");
            Api.Response stale = fx.as(FLEET).header("If-Match", "\"0\"").put("/api/v1/fleet-accounts/" + id, ACCOUNT.formatted("RENTAL", "C"));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");

            String vin = fx.vehicleInStock("100000.00", true);
            Api.Response order = fx.as(FLEET).post("/api/v1/sales-orders", """
                    {"customer":{"name":"吴军","phone":"13900001111"},"vin":"%s","discount":%s,"fleetAccountId":"%s"}"""
                    .formatted(vin, money("0"), id));
            assertThat(order.status()).as(order.toString()).isEqualTo(201);
            assertThat(order.at("/fleetAccountId")).isEqualTo(id);
            EventProbe.ReceivedEvent drafted = probe.await("forecourt.sales.sales-order-drafted.v1", order.at("/id"));
            EventSchemas.assertValid(drafted);
            assertThat(drafted.data().get("fleetAccountId").asString()).isEqualTo(id);
            fx.draftOrder(CONSULTANT, fx.vehicleInStock("90000.00", true), "0");

            Api.Response orders = fx.as(FLEET).get("/api/v1/fleet-accounts/" + id + "/orders");
            assertThat(orders.status()).as(orders.toString()).isEqualTo(200);
            assertThat(ids(orders)).containsExactly(order.at("/id"));
            assertThat(fx.as(FLEET).get("/api/v1/sales-orders?fleetAccountId=" + id).json().get("total").asInt()).isEqualTo(1);

            assertThat(fx.as(FLEET).delete("/api/v1/fleet-accounts/" + id).status()).isEqualTo(204);
            EventSchemas.assertValid(probe.await("forecourt.sales.fleet-account-closed.v1", id));
            assertThat(fx.as(FLEET).get("/api/v1/fleet-accounts/" + id).at("/status")).isEqualTo("CLOSED");
            assertThat(ids(fx.as(FLEET).get("/api/v1/fleet-accounts?size=200"))).doesNotContain(id);
            assertThat(ids(fx.as(FLEET).get("/api/v1/fleet-accounts?includeClosed=true&size=200")))
                    .contains(id);
            Api.Response refused = fx.as(FLEET).post("/api/v1/sales-orders", """
                    {"customer":{"name":"吴军","phone":"13900001111"},"vin":"%s","fleetAccountId":"%s"}"""
                    .formatted(fx.vehicleInStock("100000.00", true), id));
            assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/fleet-account-closed");
            assertThat(fx.as(FLEET).put("/api/v1/fleet-accounts/" + id, ACCOUNT.formatted("RENTAL", "A")).status()).isEqualTo(409);
        }
    }

    /** The ids of a page's items (not the ids nested in them, such as the consultant's). */
    static java.util.List<String> ids(Api.Response page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
