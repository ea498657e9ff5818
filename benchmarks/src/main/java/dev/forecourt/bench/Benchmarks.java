package dev.forecourt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

import tools.jackson.databind.JsonNode;

/**
 * The benchmarks (docs/benchmarks.md) against a running embedded stack (see {@code benchmarks/run}, which
 * builds and starts one). They print figures; nothing here asserts a time.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar [--offset 1000] [--host 127.0.0.1]
 *      [--connections 32] [--duration 30] [--warmup 20] [--only mix,reads,events,handover,issues] [--out file]
 *      [--repair-orders 200] [--handovers 120] [--drafts 600] [--stack-pid pid (for the stack's CPU per request)]
 * </pre>
 */
public final class Benchmarks {

    static final String RO_OPENED = "forecourt.workshop.repair-order-opened.v1";
    static final String RO_HANDED_OVER = "forecourt.workshop.repair-order-handed-over.v1";
    static final String ORDER_CONFIRMED = "forecourt.sales.sales-order-confirmed.v1";
    static final IntPredicate OK = s -> s / 100 == 2;

    private final Stack stack;
    private final int connections;
    private final Duration duration;
    private final Duration warmUp;
    private final Set<String> only;
    private final List<String> report = new ArrayList<>();
    private final Map<String, String> summary = new LinkedHashMap<>();
    private int repairOrdersToRead = 200;
    private int handovers = 120;
    private int drafts = 1000;
    private Fixtures f;
    private EventWatcher watcher;

    private Benchmarks(Stack stack, int connections, Duration duration, Duration warmUp, Set<String> only) {
        this.stack = stack;
        this.connections = connections;
        this.duration = duration;
        this.warmUp = warmUp;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int offset = Integer.parseInt(o.getOrDefault("offset", System.getenv().getOrDefault("FORECOURT_PORT_OFFSET", "1000")));
        Benchmarks b = new Benchmarks(new Stack(o.getOrDefault("host", "127.0.0.1"), offset),
                Integer.parseInt(o.getOrDefault("connections", "32")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("duration", "30"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "20"))),
                Set.of(o.getOrDefault("only", "mix,reads,events,handover,issues").split(",")));
        b.repairOrdersToRead = Integer.parseInt(o.getOrDefault("repair-orders", "200"));
        b.handovers = Integer.parseInt(o.getOrDefault("handovers", "120"));
        b.drafts = Integer.parseInt(o.getOrDefault("drafts", "600"));
        ClosedLoopLoad.stackCpu = new ProcessCpu(Long.parseLong(o.getOrDefault("stack-pid", "0")));
        b.runAll();
        String out = o.get("out");
        if (out != null) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.write(Path.of(out), b.report);
        }
        System.exit(0);
    }

    private void runAll() throws Exception {
        print("Forecourt benchmarks " + Instant.now() + " against the stack at offset " + stack.offset() + " (gateway :"
                + stack.gateway() + ", Kafka " + stack.kafka() + ")");
        print(String.format(Locale.ROOT, "machine: %d CPUs, load average %.2f at the start", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        long t = System.nanoTime();
        f = new Fixtures(stack);
        f.prepareParts(400_000, 20_000);
        f.prepareRepairOrders(repairOrdersToRead, 4);
        if (only.contains("mix") || only.contains("events")) {
            f.prepareDraftOrders(only.contains("mix") ? drafts : 400, 4);
        }
        print(String.format(Locale.ROOT, "set-up: %d parts, %d repair orders, %d draft sales orders in %.1f s (run %s)",
                f.stockParts.size(), f.repairOrders.size(), f.draftOrders.size(), (System.nanoTime() - t) / 1e9, f.run));
        watcher = new EventWatcher(stack.kafka(), List.of("forecourt.workshop.events", "forecourt.parts.events", "forecourt.sales.events"));
        try {
            if (only.contains("mix")) {
                mix();
            }
            if (only.contains("reads")) {
                reads();
            }
            if (only.contains("events")) {
                pacedEvents();
            }
            if (only.contains("handover")) {
                handover();
            }
            if (only.contains("issues")) {
                issues();
            }
        } finally {
            watcher.close();
        }
        print("");
        print("== Summary ==");
        summary.forEach((k, v) -> print(String.format(Locale.ROOT, "%-58s %s", k, v)));
        print(String.format(Locale.ROOT, "load average at the end: %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    // ---------------------------------------------------------------- the mix through the gateway

    private List<ClosedLoopLoad.Op> readOps(int parts, int workshop, int crm) {
        String token = f.token;
        return List.of(
                new ClosedLoopLoad.Op("read parts stock", 35, OK, w -> w.to(parts).get(
                        "/api/v1/parts/" + f.stockParts.get(w.random.nextInt(f.stockParts.size())) + "/stock", token)),
                new ClosedLoopLoad.Op("read repair order", 30, OK, w -> w.to(workshop).get(
                        "/api/v1/repair-orders/" + f.repairOrders.get(w.random.nextInt(f.repairOrders.size())), token)),
                new ClosedLoopLoad.Op("read callbacks", 15, OK, w -> w.to(crm).get("/api/v1/callbacks?size=20", token)));
    }

    private List<ClosedLoopLoad.Op> writeOps(int port) {
        String token = f.token;
        return List.of(
                new ClosedLoopLoad.Op("open repair order", 7, OK, w -> {
                    HttpConn.Response r = w.to(port).post("/api/v1/repair-orders", token, f.openRepairOrderBody(w.random, true));
                    if (r.status() == 201 && r.location() != null) {
                        String id = r.location().substring(r.location().lastIndexOf('/') + 1);
                        watcher.written(RO_OPENED, id, System.nanoTime());
                        f.repairOrders.add(id);
                    }
                    return r;
                }),
                new ClosedLoopLoad.Op("issue parts", 10, OK, w -> {
                    HttpConn.Response r = w.to(port).post("/api/v1/stock-issues", token, issueBody(
                            f.spreadParts.get(w.random.nextInt(f.spreadParts.size())), "bench-mix-" + f.run));
                    if (r.status() == 201 && r.location() != null) {
                        watcher.written(EventWatcher.PARTS_ISSUED, r.location().substring(r.location().lastIndexOf('/') + 1), System.nanoTime());
                    }
                    return r;
                }),
                new ClosedLoopLoad.Op("confirm sales order", 3, OK, w -> {
                    String id = f.draftOrders.poll();
                    if (id == null) {
                        throw new IOException("no draft sales order left to confirm (prepare more)");
                    }
                    HttpConn.Response r = w.to(port).post("/api/v1/sales-orders/" + id + "/confirm", token, null);
                    if (r.status() == 200) {
                        watcher.written(ORDER_CONFIRMED, id, System.nanoTime());
                    }
                    return r;
                }));
    }

    static String issueBody(String partNumber, String document) {
        return "{\"partNumber\":\"" + partNumber + "\",\"quantity\":1,\"document\":{\"type\":\"COUNTER_SALE\",\"id\":\"" + document + "\"}}";
    }

    private void mix() throws Exception {
        print("");
        print("== Realistic mix through the gateway: 80 % reads (stock 35, repair order 30, callbacks 15), "
                + "20 % writes (open repair order 7, issue parts 10, confirm sales order 3) ==");
        List<ClosedLoopLoad.Op> ops = new ArrayList<>(readOps(stack.gateway(), stack.gateway(), stack.gateway()));
        ops.addAll(writeOps(stack.gateway()));
        watcher.startRecording();
        ClosedLoopLoad.Result r = ClosedLoopLoad.run("mix via gateway", stack.host(), connections, warmUp, duration, ops);
        Map<String, Latencies> events = watcher.stopRecording(Duration.ofSeconds(5));
        print(r.line());
        r.opLines().forEach(this::print);
        summary.put("mix via gateway (32 conn): req/s, stack CPU ms/req", fmt("%.0f, %.2f", r.requestsPerSecond(), r.cpuMillisPerRequest()));
        summary.put("mix via gateway: p50 / p99 / p99.9 ms, errors", fmt("%.1f / %.1f / %.1f, %d", r.all().percentileMillis(0.5),
                r.all().percentileMillis(0.99), r.all().percentileMillis(0.999), r.errors()));
        printEvents("write 2xx → event readable, during the mix", events);
        Latencies all = EventWatcher.all(events);
        summary.put("write → event readable under the mix: p50 / p99 ms (n)", fmt("%.1f / %.1f (%d, %d unmatched)",
                all.percentileMillis(0.5), all.percentileMillis(0.99), all.count(), watcher.unmatched()));
    }

    // ---------------------------------------------------------------- reads: gateway vs direct

    private void reads() throws Exception {
        print("");
        print("== Reads only (stock 35, repair order 30, callbacks 15): through the gateway and straight to the services, "
                + "alternating rounds so both see the same machine ==");
        int rounds = 3;
        Duration round = duration.dividedBy(rounds);
        List<ClosedLoopLoad.Result> viaGateway = new ArrayList<>();
        List<ClosedLoopLoad.Result> direct = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Duration wu = i == 0 ? warmUp : Duration.ofSeconds(2);
            viaGateway.add(ClosedLoopLoad.run("reads via gateway", stack.host(), connections, wu, round,
                    readOps(stack.gateway(), stack.gateway(), stack.gateway())));
            direct.add(ClosedLoopLoad.run("reads direct", stack.host(), connections, wu, round,
                    readOps(stack.parts(), stack.workshop(), stack.crm())));
        }
        Merged g = merge(viaGateway);
        Merged d = merge(direct);
        print(g.line("reads via gateway", connections));
        g.opLines().forEach(this::print);
        print(d.line("reads direct to services", connections));
        d.opLines().forEach(this::print);
        double ratio = g.all.percentileMillis(0.99) / d.all.percentileMillis(0.99);
        print(fmt("gateway p99 / direct p99 = %.2f (p50 ratio %.2f); gateway adds %.2f ms at p50", ratio,
                g.all.percentileMillis(0.5) / d.all.percentileMillis(0.5), g.all.percentileMillis(0.5) - d.all.percentileMillis(0.5)));
        summary.put("reads via gateway (32 conn): req/s, p50 / p99 / p99.9 ms, errors", fmt("%.0f, %.1f / %.1f / %.1f, %d", g.rps(),
                g.all.percentileMillis(0.5), g.all.percentileMillis(0.99), g.all.percentileMillis(0.999), g.errors));
        summary.put("reads direct (32 conn): req/s, p50 / p99 / p99.9 ms, errors", fmt("%.0f, %.1f / %.1f / %.1f, %d", d.rps(),
                d.all.percentileMillis(0.5), d.all.percentileMillis(0.99), d.all.percentileMillis(0.999), d.errors));
        summary.put("gateway p99 / direct p99", fmt("%.2f", ratio));
        summary.put("stack CPU per read: via gateway / direct (ms)", fmt("%.2f / %.2f", g.cpuMillisPerRequest(), d.cpuMillisPerRequest()));
    }

    private record Merged(Latencies all, Map<String, Latencies> byOp, long errors, Duration measured, double cpuSeconds) {

        double cpuMillisPerRequest() {
            return cpuSeconds * 1000.0 / Math.max(1, all.count());
        }

        double rps() {
            return all.count() / (measured.toMillis() / 1000.0);
        }

        String line(String name, int connections) {
            return ClosedLoopLoad.Result.line(name, connections, all, rps(), errors)
                    + (Double.isNaN(cpuSeconds) ? "" : String.format(Locale.ROOT, "  stack CPU %.2f ms/req", cpuMillisPerRequest()));
        }

        List<String> opLines() {
            List<String> lines = new ArrayList<>();
            byOp.forEach((op, l) -> lines.add(String.format(Locale.ROOT, "   %-37s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms",
                    op, l.count() / (measured.toMillis() / 1000.0), l.percentileMillis(0.5), l.percentileMillis(0.99), l.percentileMillis(0.999))));
            return lines;
        }
    }

    private static Merged merge(List<ClosedLoopLoad.Result> results) {
        Map<String, List<Latencies>> byOp = new LinkedHashMap<>();
        long errors = 0;
        Duration measured = Duration.ZERO;
        double cpu = 0;
        for (ClosedLoopLoad.Result r : results) {
            cpu += r.stackCpuSeconds();
            r.byOp().forEach((op, l) -> byOp.computeIfAbsent(op, k -> new ArrayList<>()).add(l));
            errors += r.errors();
            measured = measured.plus(r.measured());
        }
        Map<String, Latencies> merged = new LinkedHashMap<>();
        byOp.forEach((op, parts) -> merged.put(op, Latencies.merge(parts)));
        return new Merged(Latencies.merge(merged.values()), merged, errors, measured, cpu);
    }

    // ---------------------------------------------------------------- write → event, paced

    private void pacedEvents() throws Exception {
        print("");
        print("== Write 2xx → event readable by an external consumer, paced writes (3 writers, 10 writes/s each, no other load) ==");
        Duration length = Duration.ofSeconds(Math.max(10, duration.toSeconds() * 2 / 3));
        watcher.startRecording();
        List<Thread> writers = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<ClosedLoopLoad.Op> ops = writeOps(stack.gateway());
        for (ClosedLoopLoad.Op op : ops) {
            Thread thread = new Thread(() -> {
                ClosedLoopLoad.Worker w = new ClosedLoopLoad.Worker(stack.host(), 0, System.nanoTime());
                long end = System.nanoTime() + length.toNanos();
                long next = System.nanoTime();
                try {
                    while (System.nanoTime() < end) {
                        try {
                            if (!OK.test(op.call().call(w).status())) {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        }
                        next += 100_000_000L;
                        long pause = next - System.nanoTime();
                        if (pause > 0) {
                            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    w.close();
                }
            }, "paced-" + op.name());
            writers.add(thread);
            thread.start();
        }
        for (Thread thread : writers) {
            thread.join();
        }
        Map<String, Latencies> events = watcher.stopRecording(Duration.ofSeconds(5));
        printEvents("write 2xx → event readable, paced", events);
        Latencies all = EventWatcher.all(events);
        print(fmt("write failures: %d; writes whose event did not come within 5 s: %d", failures.get(), watcher.unmatched()));
        summary.put("write → event readable, paced: p50 / p99 ms (n)", fmt("%.1f / %.1f (%d)",
                all.percentileMillis(0.5), all.percentileMillis(0.99), all.count()));
    }

    private void printEvents(String title, Map<String, Latencies> byType) {
        Latencies all = EventWatcher.all(byType);
        print(fmt("%-40s n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms", title, all.count(), all.percentileMillis(0.5),
                all.percentileMillis(0.99), all.percentileMillis(1.0)));
        byType.forEach((type, l) -> print(fmt("   %-50s n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms", type, l.count(),
                l.percentileMillis(0.5), l.percentileMillis(0.99), l.percentileMillis(1.0))));
        print(fmt("   (%d events were readable before their write's 2xx reached the client: counted as 0 ms)", watcher.readableBeforeAnswer()));
    }

    // ---------------------------------------------------------------- handover → callback

    private void handover() throws Exception {
        int n = handovers;
        print("");
        print("== RepairOrderHandedOver → CRM callback task exists: " + n + " handovers through the gateway, one at a time ==");
        long t = System.nanoTime();
        List<String> ready = f.prepareForHandover(n);
        print(fmt("set-up: %d repair orders worked to a passed quality check in %.1f s", ready.size(), (System.nanoTime() - t) / 1e9));
        Latencies toCallback = new Latencies();
        Latencies toEvent = new Latencies();
        int missing = 0;
        try (HttpConn gateway = new HttpConn(stack.host(), stack.gateway()); HttpConn crm = new HttpConn(stack.host(), stack.crm())) {
            for (String id : ready) {
                HttpConn.Response r = gateway.post("/api/v1/repair-orders/" + id + "/handover", f.token,
                        "{\"odometerOutKm\":200000,\"workExplained\":true,\"billSettled\":true}");
                long answered = System.nanoTime();
                if (r.status() != 200) {
                    print("handover failed: " + r.status() + " " + ClosedLoopLoad.abbreviate(r.text()));
                    missing++;
                    continue;
                }
                EventWatcher.Seen event = watcher.await(RO_HANDED_OVER, id, Duration.ofSeconds(10));
                if (event == null) {
                    missing++;
                    continue;
                }
                toEvent.record(Math.max(0, event.nanos() - answered));
                long deadline = answered + Duration.ofSeconds(10).toNanos();
                boolean found = false;
                while (System.nanoTime() < deadline) {
                    if (crm.get("/api/v1/callbacks/service-" + event.eventId(), f.token).status() == 200) {
                        found = true;
                        break;
                    }
                    Thread.sleep(2);
                }
                if (found) {
                    toCallback.record(System.nanoTime() - answered);
                } else {
                    missing++;
                }
                Thread.sleep(20);
            }
        }
        print(fmt("handover 2xx → RepairOrderHandedOver readable   n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms", toEvent.count(),
                toEvent.percentileMillis(0.5), toEvent.percentileMillis(0.99), toEvent.percentileMillis(1.0)));
        print(fmt("handover 2xx → callback task readable at CRM    n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms  missing %d",
                toCallback.count(), toCallback.percentileMillis(0.5), toCallback.percentileMillis(0.99), toCallback.percentileMillis(1.0), missing));
        summary.put("handover → callback exists: p50 / p99 ms (n, missing)", fmt("%.1f / %.1f (%d, %d)",
                toCallback.percentileMillis(0.5), toCallback.percentileMillis(0.99), toCallback.count(), missing));
    }

    // ---------------------------------------------------------------- parts issues under contention

    private void issues() throws Exception {
        print("");
        print("== Parts issues (1 piece each, " + connections + " concurrent clients), stock checked exact afterwards ==");
        Duration length = duration.dividedBy(2);
        Duration wu = Duration.ofSeconds(3);
        issueRun("one hot part via gateway", stack.gateway(), List.of(f.hotPart), wu, length, "issues/s one hot part via gateway");
        issueRun("one hot part direct", stack.parts(), List.of(f.hotPart), wu, length, "issues/s one hot part direct");
        issueRun("50 parts via gateway", stack.gateway(), f.spreadParts, wu, length, "issues/s spread over 50 parts via gateway");
        drain();
    }

    private void issueRun(String name, int port, List<String> parts, Duration wu, Duration length, String key) throws Exception {
        Map<String, int[]> before = new LinkedHashMap<>();
        for (String pn : parts) {
            JsonNode s = f.stock(pn);
            before.put(pn, new int[] {s.path("onHand").asInt(), s.path("available").asInt()});
        }
        AtomicLong succeeded = new AtomicLong();
        AtomicLong unknown = new AtomicLong(); // no answer or a 5xx: the issue may or may not have been booked
        String document = "bench-issue-" + f.run;
        ClosedLoopLoad.Op op = new ClosedLoopLoad.Op("issue 1 piece", 1, OK, w -> {
            HttpConn.Response r;
            try {
                r = w.to(port).post("/api/v1/stock-issues", f.token, issueBody(parts.get(w.random.nextInt(parts.size())), document));
            } catch (IOException e) {
                unknown.incrementAndGet();
                throw e;
            }
            if (r.status() == 201) {
                succeeded.incrementAndGet();
            } else if (r.status() >= 500) {
                unknown.incrementAndGet();
            }
            return r;
        });
        ClosedLoopLoad.Result r = ClosedLoopLoad.run(name, stack.host(), connections, wu, length, List.of(op));
        long onHandBefore = 0;
        long onHandAfter = 0;
        long availableBefore = 0;
        long availableAfter = 0;
        for (var e : before.entrySet()) {
            JsonNode s = f.stock(e.getKey());
            onHandBefore += e.getValue()[0];
            availableBefore += e.getValue()[1];
            onHandAfter += s.path("onHand").asInt();
            availableAfter += s.path("available").asInt();
        }
        // every 201 is booked once; an answer lost to a timeout (no answer, 5xx) may have been booked or not
        long booked = onHandBefore - onHandAfter;
        boolean exact = booked >= succeeded.get() && booked <= succeeded.get() + unknown.get()
                && availableBefore - availableAfter == booked;
        print(r.line());
        print(fmt("   answered 201: %d, no answer or 5xx: %d (warm-up included); on hand %d → %d (%d booked), available %d → %d: %s",
                succeeded.get(), unknown.get(), onHandBefore, onHandAfter, booked, availableBefore, availableAfter,
                exact ? (unknown.get() == 0 ? "EXACT" : "EXACT (each unanswered issue booked at most once)") : "MISMATCH"));
        summary.put(key, fmt("%.0f (p99 %.1f ms, errors %d, stock %s)", r.requestsPerSecond(), r.all().percentileMillis(0.99), r.errors(),
                exact ? "exact" : "MISMATCH"));
    }

    /** A part with exactly N pieces and 32 clients issuing until they are refused: exactly N issues succeed, never below zero. */
    private void drain() throws Exception {
        int stock = 2_000;
        String pn = "BENCHDR" + f.run;
        try (Api api = new Api(stack.host(), stack.parts())) {
            f.part(api, pn);
            f.receive(api, pn, stock);
        }
        AtomicLong succeeded = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        Fixtures.parallel(connections, connections, i -> {
            try (HttpConn conn = new HttpConn(stack.host(), stack.gateway())) {
                while (true) {
                    HttpConn.Response r = conn.post("/api/v1/stock-issues", f.token, issueBody(pn, "bench-drain-" + f.run));
                    if (r.status() == 201) {
                        succeeded.incrementAndGet();
                    } else if (r.status() == 409) {
                        refused.incrementAndGet();
                        return;
                    } else {
                        other.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                other.incrementAndGet();
            }
        });
        JsonNode after = f.stock(pn);
        boolean exact = succeeded.get() == stock && after.path("onHand").asInt() == 0 && after.path("available").asInt() == 0;
        print(fmt("drain: %d pieces, %d clients until refused: %d issued, %d refused (409), %d other; on hand %d, available %d: %s",
                stock, connections, succeeded.get(), refused.get(), other.get(), after.path("onHand").asInt(), after.path("available").asInt(),
                exact ? "EXACT" : "MISMATCH"));
        summary.put("drain " + stock + " pieces with " + connections + " clients", exact ? "exact (" + succeeded.get() + " issued, none below zero)"
                : "MISMATCH (" + succeeded.get() + " issued)");
    }

    // ---------------------------------------------------------------- output

    private void print(String line) {
        System.out.println(line);
        System.out.flush();
        report.add(line);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
