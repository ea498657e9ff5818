package dev.forecourt.parts.countersales;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class CounterSaleTest {

    @LocalServerPort
    int port;

    @Test
    void aCounterSaleIsPricedFromTheCataloguePaidInFullAndThenIssued() {
        PartsFixture parts = new PartsFixture(port);
        String filter = parts.part(0, 50, 0, "A-01-04", "150.00");
        String plug = parts.part(0, 50, 0, "A-02-05", "95.50");
        parts.receive(filter, 5);
        parts.receive(plug, 8);
        Api counter = Api.at(port).checked().as(TestTokens.staff("counter", "parts-counter-clerk", "counter-sales:write"));

        Api.Response opened = counter.post("/api/v1/counter-sales", """
                {"customerName":"Li Lei","customerPhone":"13800000003",
                 "lines":[{"partNumber":"%s","quantity":2},{"partNumber":"%s","quantity":4}]}""".formatted(filter, plug));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.at("/id");
        assertThat(opened.at("/saleNumber")).matches("CS20[0-9]{2}[0-9]{6}");
        assertThat(opened.at("/customerId")).isEqualTo("cust-13800000003");
        assertThat(new java.math.BigDecimal(opened.at("/lines/0/unitPrice/amount"))).isEqualByComparingTo("150.00");
        assertThat(new java.math.BigDecimal(opened.at("/lines/1/lineTotal/amount"))).isEqualByComparingTo("382.00");
        assertThat(new java.math.BigDecimal(opened.at("/total/amount"))).isEqualByComparingTo("682.00");
        assertThat(opened.header("ETag")).isEqualTo("\"" + opened.at("/version") + "\"");

        Api.Response tooEarly = counter.post("/api/v1/counter-sales/" + id + "/issue");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.at("/currentState")).isEqualTo("OPEN");
        Api.Response part = counter.post("/api/v1/counter-sales/" + id + "/payments", """
                {"method":"CASH","amount":{"amount":200.00,"currency":"CNY"}}""");
        assertThat(part.at("/status")).isEqualTo("OPEN");
        assertThat(new java.math.BigDecimal(part.at("/outstanding/amount"))).isEqualByComparingTo("482.00");
        Api.Response over = counter.post("/api/v1/counter-sales/" + id + "/payments", """
                {"method":"CARD","amount":{"amount":500.00,"currency":"CNY"}}""");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.at("/type")).endsWith("/overpayment");
        Api.Response stale = counter.header("If-Match", "\"0\"").post("/api/v1/counter-sales/" + opened.at("/saleNumber") + "/payments", """
                {"method":"CARD","amount":{"amount":482.00,"currency":"CNY"}}""");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("/version-conflict");
        Api.Response paid = counter.post("/api/v1/counter-sales/" + opened.at("/saleNumber") + "/payments", """
                {"method":"WECHAT_PAY","amount":{"amount":482.00,"currency":"CNY"},"reference":"WX-1"}""");
        assertThat(paid.at("/status")).isEqualTo("PAID");

        Api.Response issued = counter.post("/api/v1/counter-sales/" + id + "/issue");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.at("/status")).isEqualTo("COMPLETED");
        assertThat(issued.at("/lines/0/issueId")).isNotBlank();
        assertThat(parts.stock(filter, "onHand")).isEqualTo(3).isEqualTo(parts.ledgerSum(filter));
        assertThat(parts.stock(plug, "onHand")).isEqualTo(4).isEqualTo(parts.ledgerSum(plug));
        assertThat(counter.post("/api/v1/counter-sales/" + id + "/issue").status()).isEqualTo(409);
        assertThat(parts.stock(plug, "onHand")).isEqualTo(4);

        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            for (String type : new String[] {"counter-sale-opened", "counter-sale-payment-recorded", "counter-sale-paid",
                    "counter-sale-completed"}) {
                EventSchemas.assertValid(probe.await("forecourt.parts." + type + ".v1", id));
            }
            EventProbe.ReceivedEvent issue = probe.await("forecourt.parts.parts-issued.v1", filter);
            EventSchemas.assertValid(issue);
            assertThat(issue.data().get("documentType").asString()).isEqualTo("COUNTER_SALE");
            assertThat(issue.data().get("documentId").asString()).isEqualTo(id);
            assertThat(issue.data().get("orderNumber").asString()).isEqualTo(opened.at("/saleNumber"));
        }
    }

    @Test
    void anUnpaidSaleIsCancelledAndUnknownPartsOrMissingPermissionAreRefused() {
        PartsFixture parts = new PartsFixture(port);
        String filter = parts.part();
        Api counter = Api.at(port).checked().as(TestTokens.staff("counter", "parts-counter-clerk", "counter-sales:write"));
        Api reader = Api.at(port).checked().as(TestTokens.staff("advisor", "service-advisor", "parts:read"));

        Api.Response unknown = counter.post("/api/v1/counter-sales", """
                {"customerName":"Li Lei","lines":[{"partNumber":"%s","quantity":1},{"partNumber":"NOSUCHPART7","quantity":1}]}"""
                .formatted(filter));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("lines[1].partNumber");
        assertThat(reader.post("/api/v1/counter-sales", """
                {"customerName":"Li Lei","lines":[{"partNumber":"%s","quantity":1}]}""".formatted(filter)).status()).isEqualTo(403);

        String id = counter.post("/api/v1/counter-sales", """
                {"customerName":"Li Lei","lines":[{"partNumber":"%s","quantity":1}]}""".formatted(filter)).at("/id");
        Api.Response cancelled = counter.post("/api/v1/counter-sales/" + id + "/cancel", "{\"reason\":\"customer changed mind\"}");
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        assertThat(reader.get("/api/v1/counter-sales/" + id).at("/status")).isEqualTo("CANCELLED");
        assertThat(counter.post("/api/v1/counter-sales/" + id + "/payments", """
                {"method":"CASH","amount":{"amount":1.00,"currency":"CNY"}}""").status()).isEqualTo(409);
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventSchemas.assertValid(probe.await("forecourt.parts.counter-sale-cancelled.v1", id));
        }
    }
}
