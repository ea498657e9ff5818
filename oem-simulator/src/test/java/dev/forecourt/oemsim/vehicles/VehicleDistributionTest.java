package dev.forecourt.oemsim.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VehicleDistributionTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCallOffIsAllocatedOnceWithValidVinsAndDispatchedAtOnce() throws Exception {
        String order = """
                {"dealerCode":"store-001","orderNumber":"VO2026000901","kind":"CALL_OFF","month":"2026-12",
                 "lines":[{"lineNo":1,"model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White","quantity":2},
                          {"lineNo":2,"model":"Tiguan L","trim":"330TSI","colour":"Deep Black","quantity":1}]}""";
        HttpResponse<String> first = send("POST", "/oem/v1/vehicle-orders", "dev-oem-api-key", order);
        HttpResponse<String> again = send("POST", "/oem/v1/vehicle-orders", "dev-oem-api-key", order);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).as("the same allocation again").isEqualTo(first.body());
        assertThat(first.body()).contains("\"lineNo\":1", "\"lineNo\":2", "\"colour\":\"Deep Black\"", "\"amount\":118900.00",
                "\"amount\":109388.00");
        List<String> vins = java.util.regex.Pattern.compile("\"vin\":\"([A-Z0-9]{17})\"").matcher(first.body()).results()
                .map(m -> m.group(1)).toList();
        assertThat(vins).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(vin -> assertThat(vin.charAt(8)).isEqualTo(VehicleAllocations.checkDigit(vin)));
        String oemOrderId = first.body().replaceAll(".*\"oemOrderId\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> dispatches = send("GET", "/oem/v1/vehicle-orders/" + oemOrderId + "/dispatches", "dev-oem-api-key", null);
        assertThat(dispatches.statusCode()).isEqualTo(200);
        assertThat(dispatches.body()).contains(vins.get(0), vins.get(1), vins.get(2), "\"keys\":2", "certificate of conformity",
                "expectedArrival");
        assertThat(send("GET", "/oem/v1/vehicle-orders/SVW-VO-NOPE/dispatches", "dev-oem-api-key", null).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutTheDealersKeyNothingIsAllocated() throws Exception {
        String order = """
                {"dealerCode":"store-001","orderNumber":"VO2026000902","kind":"CALL_OFF",
                 "lines":[{"lineNo":1,"model":"Lavida","colour":"Pearl White","quantity":1}]}""";
        assertThat(send("POST", "/oem/v1/vehicle-orders", "wrong", order).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/oem/v1/vehicle-orders", null, order).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/oem/v1/vehicle-orders", "dev-oem-api-key", order.replace("\"quantity\":1", "\"quantity\":0"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theSupplyPlanOfAMonthIsKeptAsLastReceived() throws Exception {
        HttpResponse<String> forecast = send("PUT", "/oem/v1/supply-plans/2027-01", "dev-oem-api-key", """
                {"dealerCode":"store-009","forecast":[{"model":"Lavida","trim":"1.5L Comfort","quantity":10}]}""");
        assertThat(forecast.statusCode()).as(forecast.body()).isEqualTo(200);
        assertThat(forecast.body()).contains("\"reference\":\"SVW-PL-");
        send("PUT", "/oem/v1/supply-plans/2027-01", "dev-oem-api-key", """
                {"dealerCode":"store-009","forecast":[{"model":"Lavida","trim":"1.5L Comfort","quantity":10}],
                 "colours":[{"model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White","quantity":10}]}""");
        HttpResponse<String> received = send("GET", "/oem/v1/supply-plans/2027-01?dealerCode=store-009", "dev-oem-api-key", null);
        assertThat(received.body()).contains("\"colour\":\"Pearl White\"");
    }

    @Test
    void aMonthlyOrderLeavesTheFactoryOnTheFirstDayOfItsMonth() {
        Clock november = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC);
        VehicleAllocations factory = new VehicleAllocations(november);
        var placed = factory.place("store-001", "VO2026000903", "MONTHLY", YearMonth.of(2026, 12),
                List.of(new VehicleAllocations.Line(1, "Passat", "330TSI", "Aurora Blue", 2)));

        assertThat(factory.dispatches(placed.allocated().oemOrderId()).dispatches()).as("not before December").isEmpty();
        assertThat(VehicleAllocations.dispatchTime(placed.allocated())).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        var callOff = factory.place("store-001", "VO2026000904", "CALL_OFF", YearMonth.of(2026, 11),
                List.of(new VehicleAllocations.Line(1, "Passat", "330TSI", "Aurora Blue", 1)));
        assertThat(factory.dispatches(callOff.allocated().oemOrderId()).dispatches()).singleElement()
                .satisfies(d -> assertThat(d.expectedArrival()).hasToString("2026-11-23"));
    }
}
