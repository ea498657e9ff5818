package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * The repair order's loop closed through the gateway, as the advisor, the storekeeper, the
 * workshop, the cashier and the parts department see it: an order with a customer-paid and a
 * warranty job and two parts lines → reserved at the catalogue's prices → issued against the
 * order's number → quality check → a bill split by payer with VAT → a partial payment → handover
 * refused until the customer's share is paid → handover → no open reservation of the order, the
 * issued quantities on its lines, a bill-settled event; and the parts' books exact afterwards:
 * each part's movements sum to its on-hand and reserved quantities, and reserved is what its open
 * reservations hold.
 */
class E2eRepairOrderLoopTest {

    private static final String OIL_FILTER = "06L115562B";
    private static final String SPARK_PLUG = "04E905612C";
    private static final BigDecimal VAT = new BigDecimal("0.13");

    @Test
    void aRepairOrderWithACustomerAndAWarrantyJobIsReservedIssuedBilledByPayerPaidInFullAndHandedOverWithExactStock() {
        Staff advisor = Staff.inFlow("advisor");
        Staff foreman = Staff.inFlow("foreman");
        Staff technician = Staff.inFlow("technician");
        Staff storekeeper = Staff.inFlow("storekeeper");
        Staff cashier = Staff.inFlow("cashier");
        String technicianId = technician.employeeId();
        FlowSupport.awaitOnWorkshopRoster(foreman, technicianId);

        Map<String, BigDecimal> catalogue = new HashMap<>();
        for (String part : List.of(OIL_FILTER, SPARK_PLUG)) {
            catalogue.put(part, expect(storekeeper.api().get("/api/v1/parts/" + part), 200).json().path("price").path("amount").decimalValue());
        }

        // reception: one customer-paid and one warranty job, a parts line for each; parts-service reserves and prices them
        String phone = FlowSupport.mobile();
        Api.Response opened = expect(advisor.api().post("/api/v1/repair-orders", """
                {"vehicle":{"vin":"%s","plate":"%s","brand":"Volkswagen","model":"Tiguan L"},
                 "customer":{"name":"E2E 闭环%s","phone":"%s"},"odometerInKm":30110,
                 "complaint":"30,000 km service; engine warning light on",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"MNT-30K","description":"30,000 km service","hours":1.5,"payType":"CUSTOMER",
                          "requiredSkill":"maintenance"},
                         {"labourOperationCode":"ENG-IGN-04","description":"Replace the spark plug of cylinder 2","hours":0.8,
                          "payType":"WARRANTY","requiredSkill":"engine",
                          "warranty":{"cause":"spark plug electrode worn prematurely","correction":"replaced the spark plug",
                                      "causalPartNumber":"%s","failureDate":"%s","roadService":false}}],
                 "partsLines":[{"jobIndex":0,"partNumber":"%s","description":"oil filter","quantity":1},
                               {"jobIndex":1,"partNumber":"%s","description":"spark plug","quantity":1}]}"""
                .formatted(FlowSupport.vin(), FlowSupport.plate(), FlowSupport.lowerAlnum(4), phone, Instant.now().plus(Duration.ofHours(5)),
                        SPARK_PLUG, FlowSupport.storeToday(), OIL_FILTER, SPARK_PLUG)), 201);
        String orderId = opened.at("/id");
        String orderNumber = opened.at("/orderNumber");
        String order = "/api/v1/repair-orders/" + orderId;
        assertThat(orderNumber).matches("RO\\d{10}");
        eventually().untilAsserted(() -> {
            JsonNode lines = expect(advisor.api().get(order), 200).json().path("partsLines");
            assertThat(lines.size()).isEqualTo(2);
            for (JsonNode line : lines) {
                assertThat(line.path("reservation").asString()).as("%s", line).isEqualTo("RESERVED");
                assertThat(line.path("unitPrice").path("amount").decimalValue()).as("the catalogue's price of %s", line.path("partNumber"))
                        .isEqualByComparingTo(catalogue.get(line.path("partNumber").asString()));
            }
        });
        expect(advisor.api().post(order + "/approve-estimate", "{\"approvedVia\":\"signature on the estimate\"}"), 200);

        // the storekeeper issues both against the order's number, as written on the order
        for (String part : List.of(OIL_FILTER, SPARK_PLUG)) {
            Api.Response issued = expect(storekeeper.api().post("/api/v1/stock-issues",
                    "{\"partNumber\":\"%s\",\"quantity\":1,\"document\":{\"type\":\"REPAIR_ORDER\",\"id\":\"%s\"}}".formatted(part, orderNumber)), 201);
            assertThat(issued.at("/document/id")).isEqualTo(orderId);
            assertThat(issued.at("/document/number")).isEqualTo(orderNumber);
        }
        eventually().untilAsserted(() -> {
            for (JsonNode line : expect(advisor.api().get(order), 200).json().path("partsLines")) {
                assertThat(line.path("issuedQuantity").asInt()).as("%s", line).isEqualTo(1);
            }
        });

        // the work, and the quality check that issues the bill
        for (int job = 0; job < 2; job++) {
            String jobId = opened.at("/jobs/" + job + "/id");
            FlowSupport.dispatch(foreman, orderId, jobId, technicianId);
            FlowSupport.work(technician, orderId, jobId);
        }
        assertThat(expect(foreman.api().post(order + "/quality-check", "{\"passed\":true}"), 200).at("/status")).isEqualTo("QC_PASSED");

        // the bill: split by payer, VAT shown separately, the customer pays her share only
        Api.Response bill = expect(cashier.api().get(order + "/bill"), 200);
        JsonNode b = bill.json();
        assertThat(b.path("vatRate").decimalValue()).isEqualByComparingTo(VAT);
        Map<String, JsonNode> shares = new HashMap<>();
        for (JsonNode share : b.path("shares")) {
            shares.put(share.path("payer").asString(), share);
            BigDecimal net = share.path("net").path("amount").decimalValue();
            BigDecimal vat = share.path("vat").path("amount").decimalValue();
            assertThat(vat).as("VAT of %s", share).isEqualByComparingTo(net.multiply(VAT).setScale(2, RoundingMode.HALF_UP));
            assertThat(share.path("gross").path("amount").decimalValue()).isEqualByComparingTo(net.add(vat));
            assertThat(share.path("net").path("currency").asString()).isEqualTo("CNY");
        }
        assertThat(shares.keySet()).containsExactlyInAnyOrder("CUSTOMER", "WARRANTY");
        assertThat(shares.get("CUSTOMER").path("parts").path("amount").decimalValue()).isEqualByComparingTo(catalogue.get(OIL_FILTER));
        assertThat(shares.get("WARRANTY").path("parts").path("amount").decimalValue()).isEqualByComparingTo(catalogue.get(SPARK_PLUG));
        assertThat(shares.get("CUSTOMER").path("labour").path("amount").decimalValue()).isPositive();
        assertThat(shares.get("WARRANTY").path("labour").path("amount").decimalValue()).isPositive();
        BigDecimal due = b.path("customerDue").path("amount").decimalValue();
        assertThat(due).isEqualByComparingTo(shares.get("CUSTOMER").path("gross").path("amount").decimalValue());
        for (JsonNode line : b.path("lines")) {
            if ("PARTS".equals(line.path("kind").asString())) {
                JsonNode price = line.path("unitPrice").has("amount") ? line.path("unitPrice").path("amount") : line.path("unitPrice");
                assertThat(price.isNumber()).as("a parts line of the bill: %s", line).isTrue();
                assertThat(catalogue.values()).as("a parts line at a catalogue price: %s", line).anySatisfy(p -> assertThat(price.decimalValue()).isEqualByComparingTo(p));
            }
        }
        assertThat(b.path("settled").asBoolean()).isFalse();

        // a partial payment; handover is refused while the rest is outstanding
        BigDecimal first = due.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        Api.Response partly = expect(cashier.api().post(order + "/payments",
                "{\"method\":\"WECHAT_PAY\",\"amount\":{\"amount\":" + first.toPlainString() + ",\"currency\":\"CNY\"}}"), 201);
        BigDecimal rest = due.subtract(first);
        assertThat(partly.json().path("outstanding").path("amount").decimalValue()).isEqualByComparingTo(rest);
        String handover = "{\"odometerOutKm\":30116,\"workExplained\":true}";
        Api.Response unpaid = advisor.api().post(order + "/handover", handover);
        assertThat(unpaid.status()).as("%s", unpaid).isEqualTo(409);
        assertThat(unpaid.isProblem()).isTrue();
        assertThat(unpaid.at("/type")).endsWith("/bill-unpaid");
        assertThat(unpaid.body()).contains(rest.toPlainString());
        assertThat(expect(advisor.api().get(order), 200).at("/status")).isEqualTo("QC_PASSED");

        Api.Response settled = expect(cashier.api().post(order + "/payments",
                "{\"method\":\"CARD\",\"amount\":{\"amount\":" + rest.toPlainString() + ",\"currency\":\"CNY\"}}"), 201);
        assertThat(settled.json().path("settled").asBoolean()).isTrue();
        assertThat(settled.json().path("outstanding").path("amount").decimalValue()).isZero();
        assertThat(settled.json().path("payments").size()).isEqualTo(2);

        Api.Response handedOver = expect(advisor.api().post(order + "/handover", handover), 200);
        assertThat(handedOver.at("/status")).isEqualTo("HANDED_OVER");
        for (JsonNode line : handedOver.json().path("partsLines")) {
            assertThat(line.path("issuedQuantity").asInt()).as("%s", line).isEqualTo(1);
        }

        // no reservation of the order stays open, and the report of stale reservations does not know it
        eventually().untilAsserted(() -> {
            Api.Response reservations = expect(storekeeper.api().get("/api/v1/reservations?repairOrderId=" + orderId), 200);
            JsonNode items = reservations.json().has("items") ? reservations.json().path("items") : reservations.json();
            assertThat(items.size()).as("%s", reservations.body()).isEqualTo(2);
            for (JsonNode reservation : items) {
                assertThat(reservation.path("status").asString()).as("%s", reservation).isNotEqualTo("ACTIVE");
                assertThat(reservation.path("outstanding").asInt()).isZero();
            }
        });
        assertThat(expect(storekeeper.api().get("/api/v1/parts-reports/stale-reservations?size=200"), 200).body()).doesNotContain(orderId);

        // the bill-settled event on Kafka
        try (EventProbe workshop = EventProbe.on(RunningStack.KAFKA, "forecourt.workshop.events")) {
            EventProbe.ReceivedEvent billSettled = workshop.await("forecourt.workshop.bill-settled.v1", orderId);
            EventSchemas.assertValid(billSettled);
            assertThat(billSettled.data().path("orderNumber").asString()).isEqualTo(orderNumber);
            assertThat(billSettled.data().path("customerId").asString()).isEqualTo("cust-" + phone);
            assertThat(billSettled.data().path("paid").path("amount").decimalValue()).isEqualByComparingTo(due);
            EventSchemas.assertValid(workshop.await("forecourt.workshop.bill-issued.v1", orderId));
        }

        // the books: every movement of each part sums to its on-hand and reserved, and reserved is what its open reservations hold
        for (String part : List.of(OIL_FILTER, SPARK_PLUG)) {
            eventually().untilAsserted(() -> assertBooksExact(storekeeper.api(), part, orderId));
        }
    }

    private static void assertBooksExact(Api parts, String partNumber, String orderId) {
        JsonNode stock = expect(parts.get("/api/v1/parts/" + partNumber + "/stock"), 200).json();
        long onHand = 0;
        long reserved = 0;
        int page = 0;
        int seen = 0;
        int total;
        boolean issuedAgainstTheOrder = false;
        do {
            JsonNode movements = expect(parts.get("/api/v1/parts/" + partNumber + "/movements?page=" + page + "&size=200"), 200).json();
            total = movements.path("total").asInt();
            for (JsonNode movement : movements.path("items")) {
                onHand += movement.path("quantity").asLong();
                reserved += movement.path("reservedChange").asLong();
                seen++;
                if ("ISSUE".equals(movement.path("type").asString()) && orderId.equals(movement.path("document").path("id").asString())) {
                    issuedAgainstTheOrder = true;
                }
            }
            page++;
        } while (seen < total && page < 100);
        assertThat(seen).isEqualTo(total);
        assertThat(issuedAgainstTheOrder).as("an ISSUE movement of %s against the order", partNumber).isTrue();
        assertThat(onHand).as("movements of %s summed against on hand %s", partNumber, stock).isEqualTo(stock.path("onHand").asLong());
        assertThat(reserved).as("reservation movements of %s summed against reserved %s", partNumber, stock).isEqualTo(stock.path("reserved").asLong());
        long held = 0;
        for (JsonNode reservation : stock.path("reservations")) {
            held += reservation.path("quantity").asLong();
            assertThat(reservation.path("repairOrderId").asString()).as("a reservation of the handed-over order").isNotEqualTo(orderId);
        }
        assertThat(held).as("open reservations of %s against reserved", partNumber).isEqualTo(stock.path("reserved").asLong());
        assertThat(stock.path("available").asLong()).isEqualTo(stock.path("onHand").asLong() - stock.path("reserved").asLong());
    }
}
