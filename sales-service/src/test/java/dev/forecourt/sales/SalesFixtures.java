package dev.forecourt.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
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

    /** The same call made by {@code callers} threads released at one moment; the answers in no particular order. */
    public static List<Api.Response> atOnce(int callers, Callable<Api.Response> call) throws Exception {
        return atOnce(java.util.Collections.nCopies(callers, call));
    }

    /** Each call made by its own thread, all released at one moment; the answers in the order of the calls. */
    public static List<Api.Response> atOnce(List<Callable<Api.Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (Callable<Api.Response> call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Every event the probe reads within {@code wait} that matches: to show that a second one was
     * not published (call it once the first is known to have arrived).
     */
    public static List<EventProbe.ReceivedEvent> allWithin(EventProbe probe, Duration wait, Predicate<EventProbe.ReceivedEvent> matching) {
        long until = System.nanoTime() + wait.toNanos();
        List<EventProbe.ReceivedEvent> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // the probe tests every event read so far on each poll: collect the matching ones until the time is up
        probe.await(event -> {
            if (matching.test(event) && ids.add(event.id())) {
                found.add(event);
            }
            return System.nanoTime() > until;
        }, "the time to pass");
        return found;
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
