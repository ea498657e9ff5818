package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * A new-car sale up to delivery and the delivery follow-up call: a consultant and the stock administrator take a new
 * VIN from receiving to delivery through the gateway; an external Kafka client reads the
 * VehicleDelivered CloudEvent, and CRM plans the delivery follow-up call.
 */
class E2eSalesDeliveryTest {

    @Test
    void theVinCheckDigitOfTheseTestsAgreesWithTheSharedDemoVins() {
        for (String demoVin : new String[] {"LSVAB4BM7RN000001", "LSVAB4BM9RN000002", "LSVAB4BM0RN000003", "LSVCD6AZ9RN100001",
                "LSVCD6AZ0RN100002", "LFV3A23C0R3000001", "LFV3A23C2R3000002", "LSGZS8F5XRS000001"}) {
            assertThat(FlowSupport.vinCheckDigit(demoVin)).as(demoVin).isEqualTo(demoVin.charAt(8));
        }
    }

    @Test
    void aVehicleGoesFromReceivingThroughPdiOrderPaymentToDeliveryAndCrmPlansTheFollowUpCall() {
        Staff stockadmin = Staff.inFlow("stockadmin");
        Staff consultant = Staff.inFlow("sales");
        String vin = FlowSupport.vin();
        String phone = FlowSupport.mobile();
        String customer = "E2E 孙" + FlowSupport.lowerAlnum(4);

        // only the stock administrator receives vehicles; a wrong check digit is refused with the field
        String receive = """
                {"vin":"%s","brand":"Volkswagen","model":"Lavida","trim":"1.5L Comfortline","colour":"Pearl White",
                 "listPrice":{"amount":139900.00,"currency":"CNY"},"keys":2,
                 "documents":["certificate of conformity","vehicle invoice"]}""";
        assertThat(consultant.api().post("/api/v1/vehicles", receive.formatted(vin)).status()).isEqualTo(403);
        String wrongCheckDigit = vin.substring(0, 8) + (vin.charAt(8) == '1' ? '2' : '1') + vin.substring(9);
        Api.Response refusedVin = stockadmin.api().post("/api/v1/vehicles", receive.formatted(wrongCheckDigit));
        assertThat(refusedVin.status()).isEqualTo(422);
        assertThat(refusedVin.at("/errors/0/field")).isEqualTo("vin");

        Api.Response received = expect(stockadmin.api().post("/api/v1/vehicles", receive.formatted(vin)), 201);
        assertThat(received.at("/status")).isEqualTo("IN_STOCK");

        // the order: drafted and confirmed by the consultant, who may not sell before the PDI passed
        Api.Response order = expect(consultant.api().post("/api/v1/sales-orders",
                "{\"customer\":{\"name\":\"%s\",\"phone\":\"%s\"},\"vin\":\"%s\"}".formatted(customer, phone, vin)), 201);
        String orderId = order.at("/id");
        assertThat(expect(consultant.api().post("/api/v1/sales-orders/" + orderId + "/confirm"), 200).at("/status")).isEqualTo("CONFIRMED");
        assertThat(expect(stockadmin.api().get("/api/v1/vehicles/" + vin), 200).at("/status")).isEqualTo("RESERVED");
        expect(consultant.api().post("/api/v1/sales-orders/" + orderId + "/payments",
                "{\"kind\":\"DEPOSIT\",\"method\":\"WECHAT_PAY\",\"amount\":{\"amount\":5000.00,\"currency\":\"CNY\"}}"), 200);

        // delivery before full payment is refused and changes nothing
        Api.Response early = consultant.api().post("/api/v1/sales-orders/" + orderId + "/delivery", "{\"odometerKm\":6}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(early.at("/currentState")).isEqualTo("CONFIRMED");
        assertThat(expect(consultant.api().get("/api/v1/sales-orders/" + orderId), 200).at("/status")).isEqualTo("CONFIRMED");

        // the settling payment needs a passed PDI: refused before it, accepted after the stock administrator's PDI
        String balance = expect(consultant.api().get("/api/v1/sales-orders/" + orderId), 200).at("/balanceDue/amount");
        String settle = "{\"kind\":\"BALANCE\",\"method\":\"BANK_TRANSFER\",\"amount\":{\"amount\":%s,\"currency\":\"CNY\"}}".formatted(balance);
        Api.Response beforePdi = consultant.api().post("/api/v1/sales-orders/" + orderId + "/payments", settle);
        assertThat(beforePdi.status()).as("%s", beforePdi).isEqualTo(422);
        assertThat(consultant.api().post("/api/v1/vehicles/" + vin + "/pdi", "{\"passed\":true}").status()).isEqualTo(403);
        expect(stockadmin.api().post("/api/v1/vehicles/" + vin + "/pdi", "{\"passed\":true,\"findings\":[]}"), 200);
        Api.Response paid = expect(consultant.api().post("/api/v1/sales-orders/" + orderId + "/payments", settle), 200);
        assertThat(paid.at("/status")).isEqualTo("PAID");
        assertThat(paid.json().path("balanceDue").path("amount").decimalValue().signum()).isZero();

        Api.Response delivered = expect(consultant.api().post("/api/v1/sales-orders/" + orderId + "/delivery", "{\"odometerKm\":6}"), 200);
        assertThat(delivered.at("/status")).isEqualTo("DELIVERED");
        assertThat(expect(stockadmin.api().get("/api/v1/vehicles/" + vin), 200).at("/status")).isEqualTo("DELIVERED");
        Instant deliveredAt = Instant.parse(delivered.at("/delivery/deliveredAt"));

        // an external client reads the CloudEvent with the CloudEvents SDK
        try (EventProbe sales = EventProbe.on(RunningStack.KAFKA, "forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = sales.await(e -> e.type().equals("forecourt.sales.vehicle-delivered.v1")
                    && vin.equals(e.data().path("vin").asString()), "VehicleDelivered of " + vin);
            assertThat(event.cloudEvent().getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.cloudEvent().getSource().toString()).isEqualTo("/stores/store-001/sales-service");
            assertThat(event.extension("storeid")).isEqualTo("store-001");
            assertThat(event.subject()).isEqualTo(orderId);
            assertThat(event.data().path("salesOrderId").asString()).isEqualTo(orderId);
            assertThat(event.data().path("customerPhone").asString()).isEqualTo(phone);
            assertThat(event.data().path("customerName").asString()).isEqualTo(customer);
            assertThat(event.data().path("odometerKm").asInt()).isEqualTo(6);
            assertThat(event.data().path("consultantId").asString()).isEqualTo(consultant.employeeId());
            EventSchemas.assertValid(event);
        }

        // CRM: one delivery follow-up for this customer, due within 7 days, inside a call window
        Staff crm = Staff.inFlow("crm");
        AtomicReference<JsonNode> found = new AtomicReference<>();
        eventually().untilAsserted(() -> {
            Api.Response tasks = expect(crm.api().get("/api/v1/callbacks?kind=DELIVERY_FOLLOW_UP&customerId=cust-" + phone), 200);
            assertThat(tasks.json().path("items").size()).as("%s", tasks.body()).isEqualTo(1);
            found.set(tasks.json().path("items").get(0));
        });
        JsonNode task = found.get();
        assertThat(task.path("status").asString()).isEqualTo("OPEN");
        assertThat(task.path("vin").asString()).isEqualTo(vin);
        assertThat(task.path("salesOrderId").asString()).isEqualTo(orderId);
        assertThat(task.path("customerPhone").asString()).isEqualTo(phone);
        Instant due = Instant.parse(task.path("dueAt").asString());
        Instant windowEnds = Instant.parse(task.path("windowEndsAt").asString());
        assertThat(due).isAfter(deliveredAt).isBefore(deliveredAt.plus(Duration.ofDays(7)));
        assertThat(FlowSupport.inCallWindow(due)).as("due %s in Asia/Shanghai", due.atZone(FlowSupport.STORE_ZONE)).isTrue();
        assertThat(windowEnds).isAfter(due).isBeforeOrEqualTo(FlowSupport.endOfWindow(due));
        assertThat(Instant.parse(task.path("deadline").asString())).isBeforeOrEqualTo(deliveredAt.plus(Duration.ofDays(7)));
    }
}
