package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import tools.jackson.databind.JsonNode;

/**
 * The parts department's purchasing through the gateway, as the parts manager, the planner, the
 * storekeeper and the advisor do it: a part falls below its reorder point → a replenishment
 * suggestion → a purchase order drafted from it → above the approval value, approved by the parts
 * manager → sent to the OEM parts centre (the simulator) → confirmed with a back order → a partial
 * receipt → the waiting repair-order line reserved automatically, shown on the advisor's order and
 * the workshop board → the back order received → the order closed. And the receipts refused with a problem+json and nothing booked: an over-delivery
 * without approval, a non-genuine line on an OEM order, a line that was cancelled.
 */
class E2ePartsPurchasingTest {

    private static final String OEM_PARTS_CENTRE = "SVW-PC";
    private static final String LOCAL_SUPPLIER = "HZ-AUTOPARTS";

    @Test
    void aPartBelowItsReorderPointIsOrderedFromTheOemApprovedConfirmedWithABackOrderAndItsArrivalServesTheWaitingRepairOrder() {
        Staff partsManager = Staff.inFlow("partsmanager");
        Staff planner = Staff.inFlow("planner");
        Staff storekeeper = Staff.inFlow("storekeeper");
        Staff advisor = Staff.inFlow("advisor");
        String part = newPart(partsManager, "2500.00", true);

        // five on the shelf from a local delivery: above the reorder point (min 4), nothing suggested
        expect(storekeeper.api().post("/api/v1/goods-receipts", """
                {"supplier":"Hangzhou Auto Parts 杭州汽配","deliveryNote":"HZ-%s","lines":[{"partNumber":"%s","delivered":5,"accepted":5,"rejected":0}]}"""
                .formatted(FlowSupport.digits(8), part)), 201);
        assertThat(suggestionFor(planner, part)).as("5 available, reorder point 4").isNull();

        // reception: a first order takes 3 (2 left: below the reorder point), a second one needs 4 and waits
        String first = openRepairOrder(advisor, part, 3, Duration.ofHours(6));
        awaitReservation(advisor, first, "RESERVED");
        assertThat(stock(storekeeper, part).path("available").asInt()).isEqualTo(2);
        String waiting = openRepairOrder(advisor, part, 4, Duration.ofHours(3));
        awaitReservation(advisor, waiting, "INSUFFICIENT");
        JsonNode waitingLine = awaitWaitingLine(storekeeper, part, waiting);
        assertThat(waitingLine.path("quantity").asInt()).isEqualTo(4);
        assertThat(waitingLine.path("coveredBy").asString()).isEqualTo("NOTHING");

        // the planner's suggestion: order up to the maximum of 16
        JsonNode suggestion = suggestionFor(planner, part);
        assertThat(suggestion).as("2 available, at or below the reorder point 4").isNotNull();
        assertThat(suggestion.path("reorderPoint").asInt()).isEqualTo(4);
        assertThat(suggestion.path("suggestedQuantity").asInt()).isEqualTo(14);

        // a purchase order from the suggestions, cut down by the planner to this part
        Api.Response drafted = expect(planner.api().post("/api/v1/purchase-orders/from-suggestions",
                "{\"supplierId\":\"" + OEM_PARTS_CENTRE + "\",\"usageDays\":90,\"leadTimeDays\":7}"), 201);
        assertThat(drafted.at("/status")).isEqualTo("DRAFT");
        assertThat(drafted.at("/origin")).isEqualTo("SUGGESTIONS");
        assertThat(lineOf(drafted.json(), part).path("ordered").asInt()).isEqualTo(14);
        String po = "/api/v1/purchase-orders/" + drafted.at("/id");
        String orderNumber = drafted.at("/orderNumber");
        assertThat(orderNumber).matches("PO\\d{10}");
        Api.Response edited = expect(planner.api().put(po + "/lines", "{\"lines\":[{\"partNumber\":\"" + part + "\",\"quantity\":14}]}"), 200);
        assertThat(edited.json().path("lines").size()).isEqualTo(1);
        assertThat(edited.json().path("value").path("amount").decimalValue()).isEqualByComparingTo("35000.00");

        // above the approval value: the planner submits, only the parts manager approves
        assertThat(expect(planner.api().post(po + "/submit"), 200).at("/status")).isEqualTo("AWAITING_APPROVAL");
        expect(planner.api().post(po + "/approve"), 403);
        Api.Response approved = expect(partsManager.api().post(po + "/approve"), 200);
        assertThat(approved.at("/status")).isEqualTo("APPROVED");
        assertThat(approved.at("/approvedBy/username")).isEqualTo("partsmanager");

        // sent to the OEM parts centre: it holds 10, confirms them and back-orders 4
        Api.Response sent;
        try (EventProbe parts = EventProbe.on(RunningStack.KAFKA, "forecourt.parts.events")) {
            sent = expect(planner.api().post(po + "/send"), 200);
            assertThat(sent.at("/status")).isEqualTo("CONFIRMED");
            JsonNode line = lineOf(sent.json(), part);
            assertThat(line.path("confirmed").asInt()).isEqualTo(10);
            assertThat(line.path("backOrdered").asInt()).isEqualTo(4);
            assertThat(line.path("expectedArrival").asString()).isNotBlank();
            JsonNode expected = parts.await(e -> e.type().equals("forecourt.parts.waiting-line-expected.v1")
                    && waiting.equals(e.subject()), "waiting-line-expected of " + waiting).data();
            assertThat(expected.path("purchaseOrderNumber").asString()).isEqualTo(orderNumber);
            assertThat(expected.path("expectedArrival").asString()).isEqualTo(line.path("expectedArrival").asString());
        }
        String supplierReference = sent.at("/supplierReference");
        assertThat(supplierReference).isNotBlank();
        JsonNode covered = awaitWaitingLine(storekeeper, part, waiting);
        assertThat(covered.path("coveredBy").asString()).isEqualTo("PURCHASE_ORDER");
        assertThat(covered.path("purchaseOrderNumber").asString()).isEqualTo(orderNumber);
        assertThat(covered.path("expectedArrival").asString()).isEqualTo(lineOf(sent.json(), part).path("expectedArrival").asString());
        JsonNode byOrder = expect(storekeeper.api().get(po + "/waiting-lines"), 200).json();
        assertThat(byOrder.findValuesAsString("repairOrderId")).contains(waiting);
        // the advisor's order shows which purchase order brings the part, and when
        eventually().untilAsserted(() -> {
            JsonNode line = expect(advisor.api().get("/api/v1/repair-orders/" + waiting), 200).json().path("partsLines").get(0);
            assertThat(line.path("reservation").asString()).isEqualTo("INSUFFICIENT");
            assertThat(line.path("purchaseOrderNumber").asString()).isEqualTo(orderNumber);
            assertThat(line.path("expectedArrival").asString()).isEqualTo(covered.path("expectedArrival").asString());
        });

        // the parts centre's shipments and their delivery notes (read at the simulator, as its portal shows them)
        Api oem = Api.at(RunningStack.direct(8090)).header("X-Api-Key", "dev-oem-api-key");
        JsonNode shipments = expect(oem.get("/oem/v1/parts-orders/" + supplierReference), 200).json().path("shipments");
        JsonNode now = shipment(shipments, false);
        JsonNode later = shipment(shipments, true);
        assertThat(now.path("quantity").asInt()).isEqualTo(10);
        assertThat(later.path("quantity").asInt()).isEqualTo(4);

        // refused receipts: nothing booked
        JsonNode before = stock(storekeeper, part);
        Api.Response tooMany = expect(storekeeper.api().post("/api/v1/goods-receipts",
                receipt(now.path("deliveryNote").asString(), orderNumber, part, 15, null, false)), 422);
        assertRefused(tooMany, "receipt-invalid", "lines[0].");
        Api.Response notApprover = expect(storekeeper.api().post("/api/v1/goods-receipts",
                receipt(now.path("deliveryNote").asString(), orderNumber, part, 15, null, true)), 403);
        assertThat(notApprover.isProblem()).isTrue();
        Api.Response lookAlike = expect(storekeeper.api().post("/api/v1/goods-receipts",
                receipt(now.path("deliveryNote").asString(), orderNumber, part, 10, false, false)), 422);
        assertRefused(lookAlike, "receipt-invalid", "lines[0].genuineOem");
        assertNothingBooked(storekeeper, part, before, po, 0);

        // the partial receipt: 10 of 14; the waiting line (4) is reserved automatically
        try (EventProbe parts = EventProbe.on(RunningStack.KAFKA, "forecourt.parts.events")) {
            Api.Response partial = expect(storekeeper.api().post("/api/v1/goods-receipts",
                    receipt(now.path("deliveryNote").asString(), orderNumber, part, 10, null, false)), 201);
            String receiptId = partial.at("/id");
            JsonNode reserved = parts.await(e -> e.type().equals("forecourt.parts.waiting-line-reserved.v1") && part.equals(e.subject())
                    && waiting.equals(e.data().path("repairOrderId").asString()), "waiting-line-reserved of " + waiting).data();
            assertThat(reserved.path("quantity").asInt()).isEqualTo(4);
            assertThat(reserved.path("purchaseOrderNumber").asString()).isEqualTo(orderNumber);
            assertThat(reserved.path("goodsReceiptId").asString()).isEqualTo(receiptId);
            assertThat(reserved.path("lineId").asString()).isEqualTo(waitingLine.path("lineId").asString());
        }
        Api.Response afterPartial = expect(planner.api().get(po), 200);
        assertThat(afterPartial.at("/status")).isEqualTo("CONFIRMED");
        assertThat(lineOf(afterPartial.json(), part).path("received").asInt()).isEqualTo(10);
        assertThat(lineOf(afterPartial.json(), part).path("backOrdered").asInt()).isEqualTo(4);
        eventually().untilAsserted(() -> assertThat(waitingLinesOf(storekeeper, part)).as("no line of %s waits", part).isEmpty());
        // the advisor's order and the workshop board tell her the parts have arrived
        eventually().untilAsserted(() -> {
            JsonNode order = expect(advisor.api().get("/api/v1/repair-orders/" + waiting), 200).json();
            assertThat(order.path("partsLines").get(0).path("reservation").asString()).isEqualTo("RESERVED");
            assertThat(order.path("partsLines").get(0).path("partsArrivedAt").asString()).isNotBlank();
            assertThat(order.path("partsArrived").asBoolean()).isTrue();
        });
        JsonNode board = expect(advisor.api().get("/api/v1/workshop/board"), 200).json();
        assertThat(board.path("partsArrived").findValuesAsString("repairOrderId")).contains(waiting);
        JsonNode held = reservationOf(storekeeper, waiting);
        assertThat(held.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(held.path("quantity").asInt()).isEqualTo(4);
        JsonNode afterArrival = stock(storekeeper, part);
        assertThat(afterArrival.path("onHand").asInt()).isEqualTo(15);
        assertThat(afterArrival.path("reserved").asInt()).isEqualTo(7);
        assertThat(afterArrival.path("available").asInt()).isEqualTo(8);
        expect(planner.api().get("/api/v1/parts-reports/back-orders"), 200);

        // the back order arrives: the order is received in full and closed
        Api.Response rest = expect(storekeeper.api().post("/api/v1/goods-receipts",
                receipt(later.path("deliveryNote").asString(), orderNumber, part, 4, null, false)), 201);
        assertThat(rest.at("/lines/0/accepted")).isEqualTo("4");
        Api.Response closed = expect(planner.api().get(po), 200);
        assertThat(closed.at("/status")).isEqualTo("CLOSED");
        assertThat(closed.at("/closedAt")).isNotBlank();
        assertThat(lineOf(closed.json(), part).path("received").asInt()).isEqualTo(14);
        assertThat(lineOf(closed.json(), part).path("backOrdered").asInt()).isZero();
        assertThat(stock(storekeeper, part).path("onHand").asInt()).isEqualTo(19);
        JsonNode open = expect(planner.api().get("/api/v1/parts-reports/open-purchase-orders?size=200"), 200).json();
        assertThat(open.findValuesAsString("orderNumber")).doesNotContain(orderNumber);
    }

    @Test
    void aNonGenuinePartIsNotOrderedFromTheOemAndACancelledLineTakesNoGoods() {
        Staff partsManager = Staff.inFlow("partsmanager");
        Staff planner = Staff.inFlow("planner");
        Staff storekeeper = Staff.inFlow("storekeeper");
        String genuine = newPart(partsManager, "120.00", true);
        String lookAlike = newPart(partsManager, "60.00", false);

        // the OEM parts centre does not supply a non-genuine part: refused, no order drafted
        Api.Response refused = expect(planner.api().post("/api/v1/purchase-orders",
                "{\"supplierId\":\"" + OEM_PARTS_CENTRE + "\",\"lines\":[{\"partNumber\":\"" + genuine + "\",\"quantity\":2},"
                        + "{\"partNumber\":\"" + lookAlike + "\",\"quantity\":2}]}"), 422);
        assertRefused(refused, "purchase-order-invalid", "lines[1].partNumber");

        // a local supplier's order of both; the second line is cancelled after sending
        Api.Response drafted = expect(planner.api().post("/api/v1/purchase-orders",
                "{\"supplierId\":\"" + LOCAL_SUPPLIER + "\",\"lines\":[{\"partNumber\":\"" + genuine + "\",\"quantity\":2},"
                        + "{\"partNumber\":\"" + lookAlike + "\",\"quantity\":3}]}"), 201);
        String po = "/api/v1/purchase-orders/" + drafted.at("/id");
        String orderNumber = drafted.at("/orderNumber");
        assertThat(expect(planner.api().post(po + "/submit"), 200).at("/status")).as("420.00 is below the approval value").isEqualTo("APPROVED");
        assertThat(expect(planner.api().post(po + "/send"), 200).at("/status")).isEqualTo("SENT");
        Api.Response cancelled = expect(planner.api().post(po + "/lines/2/cancel", "{\"reason\":\"supplier has none left\"}"), 200);
        assertThat(cancelled.at("/lines/1/cancelled")).isEqualTo("true");

        JsonNode before = stock(storekeeper, lookAlike);
        Api.Response late = expect(storekeeper.api().post("/api/v1/goods-receipts", """
                {"supplier":"Hangzhou Auto Parts 杭州汽配","deliveryNote":"HZ-%s","purchaseOrder":"%s",
                 "lines":[{"partNumber":"%s","delivered":3,"accepted":3,"rejected":0,"genuineOem":false,"purchaseOrderLine":2}]}"""
                .formatted(FlowSupport.digits(8), orderNumber, lookAlike)), 422);
        assertRefused(late, "receipt-invalid", "lines[0].");
        assertNothingBooked(storekeeper, lookAlike, before, po, 0);

        // the first line arrives: everything received or cancelled, the order is closed
        expect(storekeeper.api().post("/api/v1/goods-receipts", """
                {"supplier":"Hangzhou Auto Parts 杭州汽配","deliveryNote":"HZ-%s","purchaseOrder":"%s",
                 "lines":[{"partNumber":"%s","delivered":2,"accepted":2,"rejected":0,"purchaseOrderLine":1}]}"""
                .formatted(FlowSupport.digits(8), orderNumber, genuine)), 201);
        assertThat(expect(planner.api().get(po), 200).at("/status")).isEqualTo("CLOSED");
    }

    // ---------------------------------------------------------------- steps

    /** A new part (min 4, max 16, safety 2) the parts manager adds to the catalogue, nothing on the shelf. */
    private static String newPart(Staff partsManager, String price, boolean genuine) {
        String partNumber = "E2E" + FlowSupport.digits(9);
        expect(partsManager.api().post("/api/v1/parts", """
                {"partNumber":"%s","name":"Front brake disc 前制动盘 e2e","unit":"piece","price":{"amount":%s,"currency":"CNY"},
                 "binLocation":"E2-0%s","minStock":4,"maxStock":16,"safetyStock":2,"genuineOem":%s}"""
                .formatted(partNumber, price, FlowSupport.digits(2), genuine)), 201);
        return partNumber;
    }

    private static String openRepairOrder(Staff advisor, String part, int quantity, Duration promisedIn) {
        Api.Response opened = expect(advisor.api().post("/api/v1/repair-orders", """
                {"vehicle":{"vin":"%s","plate":"%s","brand":"Volkswagen","model":"Tiguan L"},
                 "customer":{"name":"E2E 订货%s","phone":"%s"},"odometerInKm":41200,
                 "complaint":"brake judder at speed","walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},
                 "promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"MNT-30K","description":"replace front brake discs","hours":1.5,"payType":"CUSTOMER"}],
                 "partsLines":[{"jobIndex":0,"partNumber":"%s","description":"front brake disc","quantity":%d}]}"""
                .formatted(FlowSupport.vin(), FlowSupport.plate(), FlowSupport.lowerAlnum(4), FlowSupport.mobile(),
                        Instant.now().plus(promisedIn).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), part, quantity)), 201);
        return opened.at("/id");
    }

    private static void awaitReservation(Staff advisor, String repairOrderId, String status) {
        eventually().untilAsserted(() -> assertThat(expect(advisor.api().get("/api/v1/repair-orders/" + repairOrderId), 200)
                .at("/partsLines/0/reservation")).isEqualTo(status));
    }

    private static JsonNode stock(Staff staff, String part) {
        return expect(staff.api().get("/api/v1/parts/" + part + "/stock"), 200).json();
    }

    private static JsonNode suggestionFor(Staff planner, String part) {
        JsonNode suggestions = expect(planner.api().get("/api/v1/replenishment-suggestions?usageDays=90&leadTimeDays=7"), 200).json();
        JsonNode items = suggestions.isArray() ? suggestions : suggestions.path("items");
        for (JsonNode s : items) {
            if (part.equals(s.path("partNumber").asString())) {
                return s;
            }
        }
        return null;
    }

    private static List<JsonNode> waitingLinesOf(Staff staff, String part) {
        JsonNode answer = expect(staff.api().get("/api/v1/parts/" + part + "/waiting-lines"), 200).json();
        List<JsonNode> lines = new ArrayList<>();
        (answer.isArray() ? answer : answer.path("items")).forEach(lines::add);
        return lines;
    }

    private static JsonNode awaitWaitingLine(Staff staff, String part, String repairOrderId) {
        List<JsonNode> found = new ArrayList<>();
        eventually().untilAsserted(() -> {
            found.clear();
            for (JsonNode line : waitingLinesOf(staff, part)) {
                if (repairOrderId.equals(line.path("repairOrderId").asString())) {
                    found.add(line);
                }
            }
            assertThat(found).as("waiting line of %s for %s", repairOrderId, part).hasSize(1);
        });
        return found.get(0);
    }

    private static JsonNode reservationOf(Staff staff, String repairOrderId) {
        JsonNode reservations = expect(staff.api().get("/api/v1/reservations?repairOrderId=" + repairOrderId), 200).json();
        assertThat(reservations.size()).as("reservations of %s: %s", repairOrderId, reservations).isEqualTo(1);
        return reservations.get(0);
    }

    private static JsonNode lineOf(JsonNode order, String part) {
        for (JsonNode line : order.path("lines")) {
            if (part.equals(line.path("partNumber").asString())) {
                return line;
            }
        }
        throw new AssertionError("no line of " + part + " in " + order);
    }

    private static JsonNode shipment(JsonNode shipments, boolean backOrder) {
        for (JsonNode s : shipments) {
            if (s.path("backOrder").asBoolean() == backOrder) {
                return s;
            }
        }
        throw new AssertionError("no " + (backOrder ? "back-order " : "") + "shipment in " + shipments);
    }

    private static String receipt(String deliveryNote, String orderNumber, String part, int quantity, Boolean genuine, boolean overDeliveryApproved) {
        return """
                {"supplier":"SAIC-VW Parts Distribution 上汽大众配件中心","deliveryNote":"%s","purchaseOrder":"%s",%s
                 "lines":[{"partNumber":"%s","delivered":%d,"accepted":%d,"rejected":0,%s"purchaseOrderLine":1}]}"""
                .formatted(deliveryNote, orderNumber, overDeliveryApproved ? "\"overDeliveryApproved\":true," : "", part, quantity, quantity,
                        genuine == null ? "" : "\"genuineOem\":" + genuine + ",");
    }

    private static void assertRefused(Api.Response refused, String type, String fieldPrefix) {
        assertThat(refused.isProblem()).as("%s", refused).isTrue();
        assertThat(refused.at("/type")).endsWith("/" + type);
        assertThat(refused.at("/title")).isNotBlank();
        assertThat(refused.json().path("errors").findValuesAsString("field")).as("%s", refused)
                .anySatisfy(field -> assertThat(field).startsWith(fieldPrefix));
    }

    private static void assertNothingBooked(Staff storekeeper, String part, JsonNode before, String po, int received) {
        JsonNode after = stock(storekeeper, part);
        assertThat(after.path("onHand").asInt()).isEqualTo(before.path("onHand").asInt());
        assertThat(after.path("reserved").asInt()).isEqualTo(before.path("reserved").asInt());
        JsonNode order = expect(storekeeper.api().get(po), 200).json();
        for (JsonNode line : order.path("lines")) {
            assertThat(line.path("received").asInt()).as("%s", line).isEqualTo(received);
        }
    }
}
