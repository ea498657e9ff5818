package dev.forecourt.sales.stock;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.STOCK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.SalesFixtures;

@ForecourtServiceTest
class VehicleStockApiTest {

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    @Test
    void aWrongVinCheckDigitIsRefusedWith422NamingTheVinAndNothingIsStored() {
        String vin = SalesFixtures.newVin();
        char wrong = vin.charAt(8) == '1' ? '2' : '1';
        String mistyped = vin.substring(0, 8) + wrong + vin.substring(9);

        Api.Response response = fx.receive(mistyped, "118900.00");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/vin-check-digit");
        assertThat(response.at("/errors/0/field")).isEqualTo("vin");
        assertThat(fx.vehicle(mistyped).status()).isEqualTo(404);
    }

    @Test
    void theStockAdministratorReceivesAVehicleAndVehicleReceivedIsPublished() {
        String vin = SalesFixtures.newVin();
        Api.Response response = fx.receive(vin, "118900.00");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/v1/vehicles/" + vin);
        assertThat(response.at("/status")).isEqualTo("IN_STOCK");
        assertThat(response.at("/brand")).isEqualTo("Volkswagen");
        assertThat(new java.math.BigDecimal(response.at("/listPrice/amount"))).isEqualByComparingTo("118900");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.vehicle-received.v1", vin);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("keys").asInt()).isEqualTo(2);
        }
        assertThat(fx.receive(vin, "118900.00").status()).as("a VIN is received once").isEqualTo(409);
    }

    @Test
    void onlyTheStockAdministratorReceivesVehicles() {
        Api.Response response = fx.as(CONSULTANT).post("/api/v1/vehicles", """
                {"vin":"%s","model":"Lavida","trim":"1.5L","colour":"White","listPrice":{"amount":1,"currency":"CNY"},"keys":1}"""
                .formatted(SalesFixtures.newVin()));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/forbidden");
    }

    @Test
    void aPdiIsRecordedWithItsFindingsAndPublished() {
        String vin = fx.vehicleInStock("120000.00", null);
        Api.Response noFindings = fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + vin + "/pdi", "{\"passed\":false,\"findings\":[]}");
        assertThat(noFindings.status()).isEqualTo(422);

        Api.Response failed = fx.pdi(vin, false);
        assertThat(failed.at("/pdi/passed")).isEqualTo("false");
        assertThat(failed.at("/pdi/findings/0")).isEqualTo("windscreen chipped");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.pdi-completed.v1", vin);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("passed").asBoolean()).isFalse();
        }
    }

    @Test
    void aVehicleInTransitIsReceivedOnArrival() {
        String vin = SalesFixtures.newVin();
        Api.Response registered = fx.as(STOCK_ADMIN).post("/api/v1/vehicles", """
                {"vin":"%s","model":"Passat","trim":"380TSI","colour":"Black","listPrice":{"amount":249900,"currency":"CNY"},
                 "keys":2,"inTransit":true}""".formatted(vin));
        assertThat(registered.at("/status")).isEqualTo("IN_TRANSIT");
        Api.Response arrived = fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + vin + "/arrival");
        assertThat(arrived.status()).isEqualTo(200);
        assertThat(arrived.at("/status")).isEqualTo("IN_STOCK");
        assertThat(fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + vin + "/arrival").status()).isEqualTo(409);
    }

    @Test
    void theStockListFiltersByStatusPoolAndModel() {
        String vin = fx.vehicleInStock("99000.00", true);
        assertThat(fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + vin + "/demo-pool").at("/pool")).isEqualTo("DEMO");

        Api.Response demoCars = fx.as(CONSULTANT).get("/api/v1/vehicles?pool=DEMO&model=lavida&size=200");
        assertThat(demoCars.status()).isEqualTo(200);
        assertThat(demoCars.json().get("items").findValuesAsString("vin")).contains(vin);
        assertThat(demoCars.json().get("items").findValuesAsString("pool")).containsOnly("DEMO");
        Api.Response inTransit = fx.as(CONSULTANT).get("/api/v1/vehicles?status=IN_TRANSIT&size=200");
        assertThat(inTransit.json().get("items").findValuesAsString("vin")).doesNotContain(vin);
        assertThat(fx.as(CONSULTANT).get("/api/v1/vehicles?size=500").status()).isEqualTo(400);
    }

    @Test
    void theAgingReportPutsAVehicleReceivedTodayInTheFirstBucket() {
        String vin = fx.vehicleInStock("150000.00", null);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Response report = fx.as(CONSULTANT).get("/api/v1/vehicles/aging?asOf=" + today.plusDays(45));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.at("/buckets/1/range")).isEqualTo("31-60");
        assertThat(Integer.parseInt(report.at("/buckets/1/count"))).isGreaterThanOrEqualTo(1);
        var line = report.json().get("vehicles").valueStream().filter(v -> v.get("vin").asString().equals(vin)).findFirst().orElseThrow();
        assertThat(line.get("days").asInt()).isEqualTo(45);
    }

    @Test
    void theMonthlyStockCountReportsMissingAndUnexpectedVinsOncePerMonth() {
        String present = fx.vehicleInStock("100000.00", null);
        String missing = fx.vehicleInStock("100000.00", null);
        String stranger = SalesFixtures.newVin();
        YearMonth month = YearMonth.of(1900 + (int) (Math.random() * 300), 1 + (int) (Math.random() * 12));
        String body = "{\"month\":\"" + month + "\",\"countedVins\":[\"" + present + "\",\"" + stranger + "\"]}";

        assertThat(fx.as(CONSULTANT).post("/api/v1/vehicles/stock-counts", body).status()).isEqualTo(403);
        Api.Response count = fx.as(STOCK_ADMIN).post("/api/v1/vehicles/stock-counts", body);
        assertThat(count.status()).as(count.toString()).isEqualTo(201);
        assertThat(count.json().get("missing").valueStream().map(n -> n.asString()).toList()).contains(missing).doesNotContain(present);
        assertThat(count.json().get("unexpected").valueStream().map(n -> n.asString()).toList()).containsExactly(stranger);
        assertThat(fx.as(STOCK_ADMIN).post("/api/v1/vehicles/stock-counts", body).status()).isEqualTo(409);
        assertThat(fx.as(CONSULTANT).get("/api/v1/vehicles/stock-counts/" + month).at("/month")).isEqualTo(month.toString());
    }
}
