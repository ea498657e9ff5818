package dev.forecourt.oemsim.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OEM parts centre's ordering API exactly as parts-service's port calls it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"oem-simulator.parts.stock.06A115561B=5", "oem-simulator.parts.stock.5Q0698151=0",
                "oem-simulator.parts.shipping-days=2", "oem-simulator.parts.back-order-days=10"})
class PartsCentreTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final LocalDate today = LocalDate.now(PartsCentre.CENTRE_ZONE);

    HttpResponse<String> post(String key, String idempotencyKey, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oem/v1/parts-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", "dev-oem-api-key").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String order(String number, String lines) {
        return """
                {"dealerCode":"store-001","orderNumber":"%s","lines":[%s]}""".formatted(number, lines);
    }

    @Test
    void aLineIsConfirmedUpToTheCentresStockTheRestBackOrderedWithItsDatesAndTheSameOrderAgainAnswersTheSame() throws Exception {
        String body = order("PO2026000901", """
                {"lineNo":1,"partNumber":"06A115561B","quantity":8},{"lineNo":2,"partNumber":"5Q0698151","quantity":2},
                {"lineNo":3,"partNumber":"L000000001","quantity":4}""");
        HttpResponse<String> first = post("dev-oem-api-key", "PO2026000901", body);
        HttpResponse<String> again = post("dev-oem-api-key", "PO2026000901", body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        JsonNode answer = JSON.readTree(first.body());
        assertThat(names(answer)).isEqualTo(Set.of("oemOrderId", "lines"));
        assertThat(names(answer.get("lines").get(0))).isEqualTo(Set.of("lineNo", "confirmedQuantity", "backOrderedQuantity", "expectedArrival"));
        assertLine(answer.get("lines").get(0), 1, 5, 3, today.plusDays(2));
        assertLine(answer.get("lines").get(1), 2, 0, 2, today.plusDays(10));
        assertLine(answer.get("lines").get(2), 3, 4, 0, today.plusDays(2));

        // the centre's stock went to the first order: the next order of the same part is back-ordered in full
        JsonNode next = JSON.readTree(post("dev-oem-api-key", "PO2026000902", order("PO2026000902", """
                {"lineNo":1,"partNumber":"06A115561B","quantity":1}""")).body());
        assertLine(next.get("lines").get(0), 1, 0, 1, today.plusDays(10));

        // the shipments: what ships now and the back order later, each under its own delivery note
        JsonNode shipped = JSON.readTree(get("/oem/v1/parts-orders/" + answer.get("oemOrderId").asString()).body());
        List<JsonNode> shipments = StreamSupport.stream(shipped.get("shipments").spliterator(), false).toList();
        assertThat(shipments).hasSize(4);
        assertThat(shipments.get(0).get("quantity").asInt()).isEqualTo(5);
        assertThat(shipments.get(1).get("backOrder").asBoolean()).isTrue();
        assertThat(shipments.get(1).get("quantity").asInt()).isEqualTo(3);
        assertThat(shipments.get(1).get("expectedArrival").asString()).isEqualTo(today.plusDays(10).toString());
        assertThat(shipments).extracting(s -> s.get("deliveryNote").asString()).doesNotHaveDuplicates();
    }

    @Test
    void anOrderWithoutTheKeyOrWithABadBodyIsRefusedAndTakesNoStock() throws Exception {
        String body = order("PO2026000903", """
                {"lineNo":1,"partNumber":"L000000002","quantity":3}""");
        assertThat(post(null, "PO2026000903", body).statusCode()).isEqualTo(401);
        assertThat(post("wrong", "PO2026000903", body).statusCode()).isEqualTo(401);
        assertThat(post("dev-oem-api-key", null, body).statusCode()).isEqualTo(400);
        assertThat(post("dev-oem-api-key", "PO2026000903", order("PO2026000903", "")).statusCode()).isEqualTo(400);
        assertThat(post("dev-oem-api-key", "PO2026000903", order("PO2026000903", """
                {"lineNo":1,"partNumber":"L000000002","quantity":0}""")).statusCode()).isEqualTo(400);
        assertThat(get("/oem/v1/parts-orders/PC99999999").statusCode()).isEqualTo(404);

        JsonNode accepted = JSON.readTree(post("dev-oem-api-key", "PO2026000903", body).body());
        assertLine(accepted.get("lines").get(0), 1, 3, 0, today.plusDays(2));
    }

    private static void assertLine(JsonNode line, int lineNo, int confirmed, int backOrdered, LocalDate arrival) {
        assertThat(line.get("lineNo").asInt()).isEqualTo(lineNo);
        assertThat(line.get("confirmedQuantity").asInt()).isEqualTo(confirmed);
        assertThat(line.get("backOrderedQuantity").asInt()).isEqualTo(backOrdered);
        assertThat(line.get("expectedArrival").asString()).isEqualTo(arrival.toString());
    }

    private static Set<String> names(JsonNode node) {
        return Set.copyOf(node.propertyNames());
    }
}
