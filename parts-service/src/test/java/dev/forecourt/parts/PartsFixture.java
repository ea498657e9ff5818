package dev.forecourt.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.forecourt.parts.repairorders.PartsLine;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.TestTokens;

/** Test data through the API: unique part numbers (the database is shared by the module's tests) and stock. */
public final class PartsFixture {

    public static final String[] ALL = {"parts:read", "parts:write", "parts:receive", "parts:issue", "parts:reserve",
            "parts:stocktake", "parts:approve-stocktake", "parts:plan", "parts:return", "counter-sales:write"};

    private final Api api;
    private final RepairOrders orders;

    public PartsFixture(int port) {
        this(port, null);
    }

    /** With the repair orders parts-service knows: {@link #issue} then issues against an open order it makes up. */
    public PartsFixture(int port, RepairOrders orders) {
        this.api = Api.at(port).checked().as(TestTokens.staff("storekeeper", "parts-storekeeper", ALL));
        this.orders = orders;
    }

    /**
     * An open repair order as if the workshop had announced it, with one parts line per line id
     * (quantity 10 each) for the part; returns its number ({@code RO-<id>}).
     */
    public String openRepairOrder(String repairOrderId, String partNumber, String... lineIds) {
        List<PartsLine> lines = java.util.Arrays.stream(lineIds)
                .map(line -> new PartsLine(line, partNumber, 10, Money.cny("10.00"), "CUSTOMER", Instant.now(), false)).toList();
        orders.learnOrder(repairOrderId, "RO-" + repairOrderId, "LSVAB4BM7RN000001", "cust-13800000001", "13800000001", lines,
                Instant.now(), null);
        return "RO-" + repairOrderId;
    }

    public Api api() {
        return api;
    }

    public static String newPartNumber() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public String part(int minStock, int maxStock, int safetyStock, String bin, String price) {
        String partNumber = newPartNumber();
        Api.Response created = api.post("/api/v1/parts", """
                {"partNumber":"%s","name":"Test part %s","unit":"piece","price":{"amount":%s,"currency":"CNY"},
                 "binLocation":"%s","minStock":%d,"maxStock":%d,"safetyStock":%d,"genuineOem":true}
                """.formatted(partNumber, partNumber, price, bin, minStock, maxStock, safetyStock));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return partNumber;
    }

    public String part() {
        return part(0, 100, 0, "Z-99-" + UUID.randomUUID().toString().substring(0, 4), "10.00");
    }

    public String receive(String partNumber, int quantity) {
        Api.Response receipt = api.post("/api/v1/goods-receipts", """
                {"supplier":"SAIC-VW Parts","deliveryNote":"%s","lines":[
                  {"partNumber":"%s","delivered":%d,"accepted":%d,"rejected":0}]}
                """.formatted(id("DN"), partNumber, quantity, quantity));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        return receipt.at("/id");
    }

    public Api.Response issue(String partNumber, int quantity, String documentId) {
        if (orders != null) {
            openRepairOrder(documentId, partNumber, "L-" + partNumber);
        }
        return api.post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":%d,"document":{"type":"REPAIR_ORDER","id":"%s"}}
                """.formatted(partNumber, quantity, documentId));
    }

    public int stock(String partNumber, String field) {
        Api.Response stock = api.get("/api/v1/parts/" + partNumber + "/stock");
        assertThat(stock.status()).as(stock.toString()).isEqualTo(200);
        return stock.json().get(field).asInt();
    }

    /** The sum of the on-hand changes of every ledger entry of the part. */
    public int ledgerSum(String partNumber) {
        Api.Response movements = api.get("/api/v1/parts/" + partNumber + "/movements?size=200");
        assertThat(movements.json().get("total").asInt()).isLessThanOrEqualTo(200);
        int sum = 0;
        for (var movement : movements.json().get("items")) {
            sum += movement.get("quantity").asInt();
        }
        return sum;
    }

    public int movementCount(String partNumber) {
        return api.get("/api/v1/parts/" + partNumber + "/movements").json().get("total").asInt();
    }
}
