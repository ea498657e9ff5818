package dev.forecourt.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.platform.vin.Vin;

/** Tokens of the showroom's positions and helpers that set up vehicles and orders over HTTP. */
public final class SalesFixtures {

    public static final String STOCK_ADMIN = TestTokens.staff("stockadmin", "vehicle-stock-administrator",
            "vehicles:read", "vehicles:receive", "vehicles:inspect", "vehicles:count");
    public static final String CONSULTANT = TestTokens.staff("sales", "sales-consultant",
            "vehicles:read", "leads:read", "leads:write", "test-drives:read", "test-drives:write",
            "sales-orders:read", "sales-orders:write", "sales-orders:deliver", "used-cars:read");
    public static final String MANAGER = TestTokens.staff("salesmanager", "sales-manager",
            "vehicles:read", "leads:read", "leads:write", "sales-orders:read", "sales-orders:write",
            "sales-orders:approve-discount", "sales-orders:deliver", "sales-orders:refund", "sales-reports:read", "sales-targets:write",
            "used-cars:read",
            "used-cars:write");
    public static final String USED_CAR_SPECIALIST = TestTokens.staff("usedcars", "used-car-specialist",
            "used-cars:read", "used-cars:write", "sales-orders:read", "sales-orders:write");

    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private final Api api;

    public SalesFixtures(int port) {
        this.api = Api.at(port).checked();
    }

    public Api as(String token) {
        return api.as(token);
    }

    /** A fresh valid VIN, so tests sharing the database never collide. */
    public static String newVin() {
        StringBuilder vin = new StringBuilder("LSV");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (vin.length() < 17) {
            vin.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
        }
        vin.setCharAt(8, Vin.checkDigitOf(vin.toString()));
        return vin.toString();
    }

    public static String money(String amount) {
        return "{\"amount\":" + amount + ",\"currency\":\"CNY\"}";
    }

    public Api.Response receive(String vin, String listPrice) {
        return as(STOCK_ADMIN).post("/api/v1/vehicles", """
                {"vin":"%s","model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White","listPrice":%s,"keys":2,
                 "documents":["certificate of conformity","owner's manual"],"accessories":["first-aid kit"]}"""
                .formatted(vin, money(listPrice)));
    }

    /** A vehicle in stock with the given PDI outcome (null: not inspected). */
    public String vehicleInStock(String listPrice, Boolean pdiPassed) {
        String vin = newVin();
        Api.Response received = receive(vin, listPrice);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        if (pdiPassed != null) {
            pdi(vin, pdiPassed);
        }
        return vin;
    }

    public Api.Response pdi(String vin, boolean passed) {
        String findings = passed ? "[]" : "[\"windscreen chipped\"]";
        Api.Response response = as(STOCK_ADMIN).post("/api/v1/vehicles/" + vin + "/pdi",
                "{\"passed\":" + passed + ",\"findings\":" + findings + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    public Api.Response draftOrder(String token, String vin, String discount) {
        return as(token).post("/api/v1/sales-orders", """
                {"customer":{"name":"张伟","phone":"13800000001"},"vin":"%s","discount":%s,"discountReason":"test",
                 "addOns":[{"type":"INSURANCE","description":"PICC 1 year","price":%s},
                           {"type":"ACCESSORY","description":"floor mats","price":%s}]}"""
                .formatted(vin, money(discount), money("4000.00"), money("1000.00")));
    }

    public String confirmedOrder(String vin) {
        Api.Response draft = draftOrder(CONSULTANT, vin, "1000.00");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.at("/id");
        Api.Response confirmed = as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/confirm");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return id;
    }

    public Api.Response pay(String orderId, String kind, String amount) {
        return as(CONSULTANT).post("/api/v1/sales-orders/" + orderId + "/payments",
                "{\"kind\":\"" + kind + "\",\"method\":\"BANK_TRANSFER\",\"amount\":" + money(amount) + "}");
    }

    public Api.Response order(String id) {
        return as(CONSULTANT).get("/api/v1/sales-orders/" + id);
    }

    public Api.Response vehicle(String vin) {
        return as(CONSULTANT).get("/api/v1/vehicles/" + vin);
    }
}
