package dev.forecourt.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;

/**
 * The data the benchmarks work on, created through the public API before anything is timed:
 * parts with plenty of stock (a hot one, a spread of fifty, one for repair-order lines), repair
 * orders to read, vehicles in stock with draft sales orders to confirm, and repair orders worked
 * up to a passed quality check, ready to be handed over.
 */
final class Fixtures {

    /**
     * The parts the benchmark's repair orders reserve, one each, spread as a workshop's are: a stock card
     * holds its part's open reservations, and the benchmark's repair orders are never closed, so one part
     * for all of them (as until 12-06) grew one card to thousands of reservations, rewritten by every
     * reservation (167 KB after the events alone), where a store's open repair orders are tens.
     */
    static final int RO_PARTS = 50;
    static final int SPREAD_PARTS = 50;

    final Stack stack;
    final String token;          // gm: every permission
    final String technicianToken;
    final String technicianId;
    final String run;            // distinguishes this run's data from an earlier run's
    final List<String> stockParts = new CopyOnWriteArrayList<>();
    final List<String> spreadParts = new ArrayList<>();
    final List<String> roParts = new ArrayList<>();
    final List<String> repairOrders = new CopyOnWriteArrayList<>();
    final Queue<String> draftOrders = new ConcurrentLinkedQueue<>();
    final String hotPart;
    /** The counter sale every benchmark issue is booked against (issues name an existing document). */
    String counterSale;

    Fixtures(Stack stack) {
        this.stack = stack;
        this.token = Api.login(stack.host(), stack.gateway(), "gm");
        this.technicianToken = Api.login(stack.host(), stack.gateway(), "technician");
        this.technicianId = Api.subject(technicianToken);
        this.run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase(Locale.ROOT);
        this.hotPart = "BENCHHOT" + run;
    }

    /** Refreshes the tokens' holders: tokens live long enough for one run of every benchmark. */
    void prepareParts(int hotStock, int spreadStock) {
        try (Api api = new Api(stack.host(), stack.parts())) {
            part(api, hotPart);
            receive(api, hotPart, hotStock);
            roParts.addAll(stocked(api, "BENCHRO%02d", RO_PARTS, 10_000));
            spreadParts.addAll(stocked(api, "BENCHP%03d", SPREAD_PARTS, spreadStock));
            counterSale = api.post("/api/v1/counter-sales", token, """
                    {"customerName":"Bench Customer","lines":[{"partNumber":"%s","quantity":1}]}""".formatted(hotPart), 201)
                    .path("id").asString();
            JsonNode page = api.get("/api/v1/parts?size=200", token);
            for (JsonNode p : page.path("items")) {
                stockParts.add(p.path("partNumber").asString());
            }
        }
    }

    /** {@code count} parts numbered by {@code format} from 1, in the catalogue with {@code stock} pieces each. */
    private List<String> stocked(Api api, String format, int count, int stock) {
        List<String> partNumbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String pn = String.format(Locale.ROOT, format, i);
            part(api, pn);
            receive(api, pn, stock);
            partNumbers.add(pn);
        }
        return partNumbers;
    }

    void part(Api api, String partNumber) {
        api.post("/api/v1/parts", token, """
                {"partNumber":"%s","name":"Benchmark part %s","unit":"PCS","price":{"amount":10.00,"currency":"CNY"},
                 "binLocation":"Z-99","minStock":0,"maxStock":1000000,"safetyStock":0,"genuineOem":true}"""
                .formatted(partNumber, partNumber), 201, 409);
    }

    void receive(Api api, String partNumber, int quantity) {
        for (int left = quantity; left > 0; left -= 100_000) {
            int n = Math.min(left, 100_000);
            api.post("/api/v1/goods-receipts", token, """
                    {"supplier":"Benchmark supplier","deliveryNote":"BENCH-%s-%s-%d",
                     "lines":[{"partNumber":"%s","delivered":%d,"accepted":%d,"rejected":0}]}"""
                    .formatted(run, partNumber, left, partNumber, n, n), 201);
        }
    }

    JsonNode stock(String partNumber) {
        try (Api api = new Api(stack.host(), stack.parts())) {
            return api.get("/api/v1/parts/" + partNumber + "/stock", token);
        }
    }

    /** Opens {@code n} repair orders to be read. */
    void prepareRepairOrders(int n, int threads) throws Exception {
        parallel(n, threads, i -> {
            try (Api api = new Api(stack.host(), stack.workshop())) {
                repairOrders.add(api.post("/api/v1/repair-orders", token, openRepairOrderBody(ThreadLocalRandom.current(), true), 201)
                        .path("id").asString());
            }
        });
    }

    /** Receives {@code n} new vehicles and drafts a sales order for each, to be confirmed under load. */
    void prepareDraftOrders(int n, int threads) throws Exception {
        Random random = new Random();
        String plantYear = "" + VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())) + VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length()));
        parallel(n, threads, i -> {
            String vin = vin("LSVBE4BM", plantYear, 100_000 + i);
            try (Api api = new Api(stack.host(), stack.sales())) {
                var received = api.call("POST", "/api/v1/vehicles", token, """
                        {"vin":"%s","brand":"Volkswagen","model":"Lavida","trim":"Comfort","colour":"White",
                         "listPrice":{"amount":150000.00,"currency":"CNY"},"keys":2}""".formatted(vin));
                if (received.status() != 201) {
                    return; // an earlier run received it
                }
                String id = api.post("/api/v1/sales-orders", token, """
                        {"customer":{"name":"Bench Customer","phone":"139%08d"},"vin":"%s"}"""
                        .formatted(ThreadLocalRandom.current().nextInt(100_000_000), vin), 201).path("id").asString();
                draftOrders.add(id);
            }
        });
        List<String> shuffled = new ArrayList<>(draftOrders);
        Collections.shuffle(shuffled);
        draftOrders.clear();
        draftOrders.addAll(shuffled);
    }

    /**
     * Works {@code n} repair orders up to a passed quality check, one after the other (there is
     * one demo technician and a technician works one job at a time). Answers their ids.
     */
    List<String> prepareForHandover(int n) {
        List<String> ready = new ArrayList<>();
        try (Api api = new Api(stack.host(), stack.workshop())) {
            for (int i = 0; i < n; i++) {
                String id = api.post("/api/v1/repair-orders", token, openRepairOrderBody(ThreadLocalRandom.current(), false), 201)
                        .path("id").asString();
                String path = "/api/v1/repair-orders/" + id;
                api.post(path + "/approve-estimate", token, "{\"approvedVia\":\"signature\"}", 200);
                api.post(path + "/jobs/job-1/dispatch", token,
                        "{\"technicianId\":\"" + technicianId + "\",\"bayId\":\"B" + (1 + i % 6) + "\"}", 200);
                api.post(path + "/jobs/job-1/start", technicianToken, null, 200);
                api.post(path + "/jobs/job-1/finish", technicianToken, "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"ok\"}", 200);
                api.post(path + "/quality-check", token, "{\"passed\":true}", 200);
                // handover waits for the customer's share of the bill, paid at the cashier's
                JsonNode bill = api.get(path + "/bill", token);
                api.post(path + "/payments", token, "{\"method\":\"WECHAT_PAY\",\"amount\":" + bill.path("outstanding").toString() + "}", 201);
                ready.add(id);
            }
        }
        return ready;
    }

    /** A walk-in with one maintenance job and (optionally) one parts line, reserved synchronously at parts-service. */
    String openRepairOrderBody(java.util.random.RandomGenerator random, boolean withPartsLine) {
        // a valid VIN (reception checks the check digit); the price of a parts line is the catalogue's
        String vin = vin("LSVAB4BM", "RN", random.nextInt(1_000_000));
        String partsLines = withPartsLine ? """
                ,"partsLines":[{"jobIndex":0,"partNumber":"%s","description":"oil filter","quantity":1}]""".formatted(roParts.get(random.nextInt(roParts.size()))) : "";
        return """
                {"vehicle":{"vin":"%s","plate":"沪A%05d","brand":"Volkswagen","model":"Lavida"},
                 "customer":{"name":"Bench Customer","phone":"139%08d"},
                 "odometerInKm":%d,"complaint":"10,000 km service",
                 "walkAround":{"exterior":"no damage","interior":"clean","valuables":"none"},
                 "promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"MNT-10K","description":"10,000 km service","hours":1.0,"payType":"CUSTOMER",
                          "requiredSkill":"maintenance"}]%s}"""
                .formatted(vin, random.nextInt(100_000), random.nextInt(100_000_000), 10_000 + random.nextInt(90_000),
                        Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), partsLines);
    }

    static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    /** A VIN with a correct ISO 3779 check digit: 8 characters, check digit, model year + plant, 6-digit serial. */
    static String vin(String first8, String yearPlant, int serial) {
        String draft = first8 + "0" + yearPlant + String.format(Locale.ROOT, "%06d", serial % 1_000_000);
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(draft.charAt(i)) * weights[i];
        }
        int r = sum % 11;
        return draft.substring(0, 8) + (r == 10 ? 'X' : (char) ('0' + r)) + draft.substring(9);
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }

    static void parallel(int n, int threads, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.accept(index)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
