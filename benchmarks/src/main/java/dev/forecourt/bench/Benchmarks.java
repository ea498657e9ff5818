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
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The benchmarks (docs/benchmarks.md) against a running embedded stack (see {@code benchmarks/run}, which
 * builds and starts one). They print figures; nothing here asserts a time.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar [--offset 1000] [--host 127.0.0.1]
 *      [--connections 32] [--duration 30] [--warmup 20] [--only mix,reads,events,handover,issues] [--out file]
 *      [--repair-orders 200] [--handovers 120] [--drafts 1000] [--stack-pid pid (for the stack's CPU per request)]
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
    /** Draft sales orders for the mix's confirmations and then the paced writers' 200 (600 ran out once the mix got faster). */
    private int drafts = 1000;
    private Fixtures f;
    private EventWatcher watcher;
    // the framework floor (benchmarks/floor): its two JVMs, ports and the token its key signs
    private ProcessCpu floorGateway = new ProcessCpu(0);
    private ProcessCpu floorService = new ProcessCpu(0);
    private int floorGatewayPort;
    private int floorServicePort;
    private String floorToken;
    private Duration round = Duration.ofSeconds(8);
    private int maxRounds = 10;
    /** Also reads direct with the gateway's headers: what they cost the service, apart from the gateway's own work. */
    private boolean directAsFromTheGateway;
    /** Start-up figures measured by benchmarks/run before this process (seconds, MB), NaN when not given. */
    private final Map<String, Double> startup = new LinkedHashMap<>();
    /** The figures of the table at the end, by row. */
    private final Map<String, Double> figures = new LinkedHashMap<>();

    private Benchmarks(Stack stack, int connections, Duration duration, Duration warmUp, Set<String> only) {
        this.stack = stack;
        this.connections = connections;
        this.duration = duration;
        this.warmUp = warmUp;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 2 && args[0].equals("floor-keys")) {
            FloorKeys.generate(Path.of(args[1]));
            return;
        }
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
        b.drafts = Integer.parseInt(o.getOrDefault("drafts", "1000"));
        ClosedLoopLoad.stackCpu = new ProcessCpu(Long.parseLong(o.getOrDefault("stack-pid", "0")));
        b.floorGateway = new ProcessCpu(Long.parseLong(o.getOrDefault("floor-gateway-pid", "0")));
        b.floorService = new ProcessCpu(Long.parseLong(o.getOrDefault("floor-service-pid", "0")));
        b.floorGatewayPort = Integer.parseInt(o.getOrDefault("floor-gateway-port", "0"));
        b.floorServicePort = Integer.parseInt(o.getOrDefault("floor-service-port", "0"));
        if (o.containsKey("floor-keys")) {
            b.floorToken = FloorKeys.token(Path.of(o.get("floor-keys")));
        }
        b.round = Duration.ofSeconds(Long.parseLong(o.getOrDefault("round", "8")));
        b.maxRounds = Integer.parseInt(o.getOrDefault("max-rounds", "10"));
        b.directAsFromTheGateway = Boolean.parseBoolean(o.getOrDefault("direct-with-gateway-headers", "false"));
        for (String k : List.of("first-start-s", "first-start-rss", "restart-s", "restart-rss")) {
            b.startup.put(k, Double.parseDouble(o.getOrDefault(k, "NaN")));
        }
        b.runAll();
        String out = o.get("out");
        if (out != null) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.write(Path.of(out), b.report);
        }
        System.exit(0);
    }

    /**
     * Waits (up to a minute) until the stack has finished with the set-up: its consumers apply the events of
     * the hundreds of repair orders and orders just made for a while (500 ms of CPU a second after the set-up
     * was seen), and that work would be counted in whatever is measured next. Quiet: two seconds in a row
     * under 100 ms of CPU a second, the JIT compiler apart.
     */
    private void awaitQuiet() throws InterruptedException {
        ProcessCpu cpu = ClosedLoopLoad.stackCpu;
        if (cpu.pid() <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        double perSecond = Double.NaN;
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() - t0 < 60_000_000_000L) {
            double before = cpu.secondsOfWork();
            Thread.sleep(1000);
            perSecond = cpu.secondsOfWork() - before;
            quietSeconds = perSecond < 0.1 ? quietSeconds + 1 : 0;
        }
        print(fmt("the stack after the set-up: %s after %.0f s (%.0f ms CPU/s, the JIT compiler apart)",
                quietSeconds >= 2 ? "quiet" : "still busy", (System.nanoTime() - t0) / 1e9, perSecond * 1000));
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
        awaitQuiet();
        watcher = new EventWatcher(stack.kafka(), List.of("forecourt.workshop.events", "forecourt.parts.events", "forecourt.sales.events"));
        try {
            if (only.contains("reads")) {
                reads();
            }
            if (only.contains("mix")) {
                mix();
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
        figuresTable();
        print(String.format(Locale.ROOT, "load average at the end: %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    // ---------------------------------------------------------------- the mix through the gateway

    private List<ClosedLoopLoad.Op> readOps(int parts, int workshop, int crm) {
        return readOps(parts, workshop, crm, false);
    }

    /**
     * The three reads; {@code asFromTheGateway}: with the headers the gateway adds to a routed request (a request id,
     * X-Forwarded-For, an unsampled traceparent), so a direct read costs the service what a routed one does.
     */
    private List<ClosedLoopLoad.Op> readOps(int parts, int workshop, int crm, boolean asFromTheGateway) {
        String token = f.token;
        java.util.function.Function<ClosedLoopLoad.Worker, String> extra = w -> asFromTheGateway
                ? fmt("X-Request-Id: %016x%016x\r\nX-Forwarded-For: 127.0.0.1\r\ntraceparent: 00-%016x%016x-%016x-00\r\n",
                        w.random.nextLong(), w.random.nextLong(), w.random.nextLong(), w.random.nextLong(), w.random.nextLong())
                : null;
        return List.of(
                new ClosedLoopLoad.Op("read parts stock", 35, OK, w -> w.to(parts).send("GET",
                        "/api/v1/parts/" + f.stockParts.get(w.random.nextInt(f.stockParts.size())) + "/stock", token, null, extra.apply(w))),
                new ClosedLoopLoad.Op("read repair order", 30, OK, w -> w.to(workshop).send("GET",
                        "/api/v1/repair-orders/" + f.repairOrders.get(w.random.nextInt(f.repairOrders.size())), token, null, extra.apply(w))),
                new ClosedLoopLoad.Op("read callbacks", 15, OK, w -> w.to(crm).send("GET", "/api/v1/callbacks?size=20", token, null,
                        extra.apply(w))));
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
                            f.spreadParts.get(w.random.nextInt(f.spreadParts.size())), f.counterSale));
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
        figures.put("cpu-mix", r.cpuMillisPerRequest());
        summary.put("mix via gateway: p50 / p99 / p99.9 ms, errors", fmt("%.1f / %.1f / %.1f, %d", r.all().percentileMillis(0.5),
                r.all().percentileMillis(0.99), r.all().percentileMillis(0.999), r.errors()));
        printEvents("write 2xx → event readable, during the mix", events);
        Latencies all = EventWatcher.all(events);
        summary.put("write → event readable under the mix: p50 / p99 ms (n)", fmt("%.1f / %.1f (%d, %d unmatched)",
                all.percentileMillis(0.5), all.percentileMillis(0.99), all.count(), watcher.unmatched()));
        figures.put("event-mix-p50", all.percentileMillis(0.5));
        figures.put("event-mix-p99", all.percentileMillis(0.99));
        awaitConsumers("the mix");
    }

    /**
     * Waits until the services' consumers have applied every event the load wrote: what follows measures
     * single writes "with no other load", which a backlog being applied would not be.
     */
    private void awaitConsumers(String after) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(stack.kafka())) {
            ConsumerLag.Drain drain = lag.awaitCaughtUp(Duration.ofMinutes(5));
            long behind = drain.behindAtFirst().values().stream().mapToLong(Long::longValue).sum();
            print(fmt("the services' consumers after %s: %d events not yet applied (%s); %s %.1f s later", after, behind,
                    drain.behindAtFirst().entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getKey().substring(0, e.getKey().indexOf('.')) + " " + e.getValue())
                            .collect(Collectors.joining(", ")),
                    drain.stillBehind() == 0 ? "all applied" : drain.stillBehind() + " still behind", drain.seconds()));
            summary.put("consumers after " + after + ": events behind, s to apply them", fmt("%d, %.1f", behind, drain.seconds()));
        }
    }

    // ---------------------------------------------------------------- reads: gateway vs direct

    /** One kind of read measured in rounds: its requests, and meters whose first gives the CPU per read. */
    private record Target(String name, List<ClosedLoopLoad.Op> ops, List<java.util.function.DoubleSupplier> meters, List<String> meterNames) {
    }

    private boolean floorRunning() {
        return floorGateway.pid() > 0 && floorService.pid() > 0 && floorGatewayPort > 0 && floorServicePort > 0 && floorToken != null;
    }

    private List<ClosedLoopLoad.Op> floorOps(int port) {
        return List.of(new ClosedLoopLoad.Op("read one document", 1, OK, w -> w.to(port).get(
                String.format(Locale.ROOT, "/floor/items/FLOOR%03d", 1 + w.random.nextInt(50)), floorToken)));
    }

    /**
     * Reads through the gateway and direct, the stack's and the framework floor's, in rounds of
     * {@code round} each (alternating, so all four see the same machine) until the CPU per read of each has
     * settled: the last three rounds within 10 % of their median. Then the figures of the last three rounds.
     */
    private void reads() throws Exception {
        print("");
        print("== Reads: the stack (stock 35, repair order 30, callbacks 15) and the framework floor (one document by id), "
                + "through the gateway and direct, in rounds until the CPU per read settles ==");
        ProcessCpu stackCpu = ClosedLoopLoad.stackCpu;
        boolean floor = floorRunning();
        // what runs while nothing is asked: the stack's relays, sweeps and Kafka; the floor's JVMs
        double idleSeconds = 5;
        double stack0 = stackCpu.secondsOfWork();
        double standIn0 = stackCpu.seconds(ProcessCpu.MONGO_STAND_IN);
        double jit0 = stackCpu.seconds(ProcessCpu.JIT_COMPILER);
        double floor0 = floorGateway.secondsOfWork() + floorService.secondsOfWork();
        Thread.sleep((long) (idleSeconds * 1000));
        double idleStack = (stackCpu.secondsOfWork() - stack0) / idleSeconds;
        double idleStandIn = (stackCpu.seconds(ProcessCpu.MONGO_STAND_IN) - standIn0) / idleSeconds;
        double idleJit = (stackCpu.seconds(ProcessCpu.JIT_COMPILER) - jit0) / idleSeconds;
        double idleFloor = (floorGateway.secondsOfWork() + floorService.secondsOfWork() - floor0) / idleSeconds;
        print(fmt("idle (no requests, %.0f s): stack %.1f ms CPU/s (of which the MongoDB-wire server %.1f ms/s) and its JIT compiler "
                        + "%.1f ms/s more%s", idleSeconds, idleStack * 1000, idleStandIn * 1000, idleJit * 1000,
                floor ? fmt("; floor JVMs %.1f ms CPU/s", idleFloor * 1000) : ""));
        print("(CPU per read is every thread's but the JIT compiler's, which is printed apart: it is warm-up, see ProcessCpu)");

        long t0 = System.nanoTime();
        // the floor reads the stack's MongoDB-wire server: its share is the server threads' CPU less what they spend idle
        java.util.function.DoubleSupplier floorStandIn = () -> stackCpu.seconds(ProcessCpu.MONGO_STAND_IN) - idleStandIn * (System.nanoTime() - t0) / 1e9;
        List<Target> targets = new ArrayList<>();
        if (floor) {
            List<String> names = List.of("total", "gateway JVM", "service JVM", "MongoDB-wire server", "JIT compiler apart");
            List<java.util.function.DoubleSupplier> meters = List.of(
                    () -> floorGateway.secondsOfWork() + floorService.secondsOfWork() + floorStandIn.getAsDouble(),
                    floorGateway::secondsOfWork, floorService::secondsOfWork, floorStandIn,
                    () -> floorGateway.seconds(ProcessCpu.JIT_COMPILER) + floorService.seconds(ProcessCpu.JIT_COMPILER));
            HttpConn.Response probe;
            try (HttpConn c = new HttpConn(stack.host(), floorGatewayPort)) {
                probe = c.get("/floor/items/FLOOR001", floorToken);
            }
            if (probe.status() != 200) {
                throw new IllegalStateException("the floor answered " + probe.status() + ": " + ClosedLoopLoad.abbreviate(probe.text()));
            }
            targets.add(new Target("floor via gateway", floorOps(floorGatewayPort), meters, names));
            targets.add(new Target("floor direct", floorOps(floorServicePort), meters, names));
        } else {
            print("(the framework floor is not running: start it with benchmarks/run)");
        }
        // where the stack's CPU goes, by thread: no profiler needed, and the kernel's share of each is counted
        List<String> stackNames = List.of("total", "MongoDB-wire server", "gateway event loops", "services' Tomcat threads",
                "JIT compiler apart");
        List<java.util.function.DoubleSupplier> stackMeters = List.of(stackCpu::secondsOfWork, () -> stackCpu.seconds(ProcessCpu.MONGO_STAND_IN),
                () -> stackCpu.seconds(ProcessCpu.GATEWAY_EVENT_LOOPS), () -> stackCpu.seconds(ProcessCpu.SERVICES_TOMCAT_THREADS),
                () -> stackCpu.seconds(ProcessCpu.JIT_COMPILER));
        targets.add(new Target("stack via gateway", readOps(stack.gateway(), stack.gateway(), stack.gateway()), stackMeters, stackNames));
        targets.add(new Target("stack direct", readOps(stack.parts(), stack.workshop(), stack.crm()), stackMeters, stackNames));
        if (directAsFromTheGateway) {
            targets.add(new Target("stack direct+headers", readOps(stack.parts(), stack.workshop(), stack.crm(), true), stackMeters, stackNames));
        }

        Map<String, List<ClosedLoopLoad.Result>> rounds = new LinkedHashMap<>();
        targets.forEach(t -> rounds.put(t.name(), new ArrayList<>()));
        int n = 0;
        boolean settled = false;
        while (n < maxRounds && !settled) {
            n++;
            for (Target t : targets) {
                ClosedLoopLoad.Result r = ClosedLoopLoad.run(t.name(), stack.host(), connections, Duration.ofSeconds(1), round, t.ops(), t.meters());
                rounds.get(t.name()).add(r);
                StringBuilder parts = new StringBuilder();
                for (int i = 1; i < t.meters().size(); i++) {
                    parts.append(i == 1 ? " (" : ", ").append(t.meterNames().get(i)).append(' ')
                            .append(fmt("%.3f", r.meter(i) * 1000 / Math.max(1, r.all().count())));
                }
                print(fmt("round %2d  %-18s %6.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  CPU %.3f ms/read%s  load %.1f", n, t.name(),
                        r.requestsPerSecond(), r.all().percentileMillis(0.5), r.all().percentileMillis(0.99), r.errors(),
                        r.cpuMillisPerRequest(), parts.length() == 0 ? "" : parts + ")",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                if (r.errors() > 0) {
                    r.opLines().forEach(this::print);
                }
            }
            settled = n >= 3 && rounds.values().stream().allMatch(l -> spread(lastThree(l)) <= 0.10);
        }
        print(settled ? fmt("settled after %d rounds of %d s each (the last three rounds of every kind within 10 %% of their median)", n, round.toSeconds())
                : fmt("NOT settled after %d rounds: the figures below are the last three rounds'", n));
        Map<String, Merged> last = new LinkedHashMap<>();
        Map<String, double[]> meterPerRead = new LinkedHashMap<>();
        for (Target t : targets) {
            List<ClosedLoopLoad.Result> three = lastThree(rounds.get(t.name()));
            Merged m = merge(three);
            last.put(t.name(), m);
            double[] perRead = new double[t.meters().size()];
            for (int i = 0; i < perRead.length; i++) {
                double sum = 0;
                for (ClosedLoopLoad.Result r : three) {
                    sum += r.meter(i);
                }
                perRead[i] = sum * 1000 / Math.max(1, m.all().count());
            }
            meterPerRead.put(t.name(), perRead);
            print(m.line(t.name() + " (last 3)", connections) + fmt("  spread of the last three %.0f %%", spread(three) * 100));
            m.opLines().forEach(this::print);
        }
        Merged g = last.get("stack via gateway");
        Merged d = last.get("stack direct");
        double ratio = g.all().percentileMillis(0.99) / d.all().percentileMillis(0.99);
        double cpuG = g.cpuMillisPerRequest();
        double cpuD = d.cpuMillisPerRequest();
        print(fmt("stack: gateway p99 / direct p99 = %.2f (p50 ratio %.2f); CPU per read via gateway %.3f ms, direct %.3f ms, the hop %.3f ms",
                ratio, g.all().percentileMillis(0.5) / d.all().percentileMillis(0.5), cpuG, cpuD, cpuG - cpuD));
        double standInG = meterPerRead.get("stack via gateway")[1];
        double standInD = meterPerRead.get("stack direct")[1];
        print(fmt("stack: the MongoDB-wire server's threads %.3f ms per read via gateway (%.0f %%), %.3f ms direct (%.0f %%)",
                standInG, 100 * standInG / cpuG, standInD, 100 * standInD / cpuD));
        figures.put("cpu-gateway", cpuG);
        figures.put("cpu-direct", cpuD);
        figures.put("cpu-hop", cpuG - cpuD);
        figures.put("rps-gateway", g.rps());
        figures.put("p99-ratio", ratio);
        summary.put("reads via gateway (32 conn): req/s, p50 / p99 / p99.9 ms, errors", fmt("%.0f, %.1f / %.1f / %.1f, %d", g.rps(),
                g.all().percentileMillis(0.5), g.all().percentileMillis(0.99), g.all().percentileMillis(0.999), g.errors()));
        summary.put("reads direct (32 conn): req/s, p50 / p99 / p99.9 ms, errors", fmt("%.0f, %.1f / %.1f / %.1f, %d", d.rps(),
                d.all().percentileMillis(0.5), d.all().percentileMillis(0.99), d.all().percentileMillis(0.999), d.errors()));
        summary.put("gateway p99 / direct p99", fmt("%.2f", ratio));
        summary.put("stack CPU per read: via gateway / direct / hop (ms)", fmt("%.3f / %.3f / %.3f", cpuG, cpuD, cpuG - cpuD));
        summary.put("rounds until settled", settled ? Integer.toString(n) : "not settled after " + n);
        if (!floor) {
            return;
        }
        Merged fg = last.get("floor via gateway");
        Merged fd = last.get("floor direct");
        double floorG = fg.cpuMillisPerRequest();
        double floorD = fd.cpuMillisPerRequest();
        double[] fgParts = meterPerRead.get("floor via gateway");
        double[] fdParts = meterPerRead.get("floor direct");
        print(fmt("floor: CPU per read via gateway %.3f ms (gateway JVM %.3f, service JVM %.3f, MongoDB-wire server %.3f), "
                        + "direct %.3f ms (service JVM %.3f, MongoDB-wire server %.3f), the hop %.3f ms; %.0f / %.0f req/s",
                floorG, fgParts[1], fgParts[2], fgParts[3], floorD, fdParts[2], fdParts[3], floorG - floorD, fg.rps(), fd.rps()));
        print(fmt("stack ÷ floor: via gateway %.2f×, direct %.2f×, the gateway hop %.2f×", cpuG / floorG, cpuD / floorD,
                (cpuG - cpuD) / (floorG - floorD)));
        figures.put("floor-gateway", floorG);
        figures.put("floor-direct", floorD);
        figures.put("floor-hop", floorG - floorD);
        summary.put("floor CPU per read: via gateway / direct / hop (ms)", fmt("%.3f / %.3f / %.3f", floorG, floorD, floorG - floorD));
        summary.put("stack ÷ floor CPU per read: via gateway / direct / hop", fmt("%.2f / %.2f / %.2f", cpuG / floorG, cpuD / floorD,
                (cpuG - cpuD) / (floorG - floorD)));

        // like for like: the stack's one-document read (a part's stock) against the floor's, once each, warm
        List<ClosedLoopLoad.Op> stockOnlyGateway = List.of(readOps(stack.gateway(), stack.gateway(), stack.gateway()).get(0));
        List<ClosedLoopLoad.Op> stockOnlyDirect = List.of(readOps(stack.parts(), stack.workshop(), stack.crm()).get(0));
        ClosedLoopLoad.Result sg = ClosedLoopLoad.run("stock read via gateway", stack.host(), connections, Duration.ofSeconds(1), round,
                stockOnlyGateway, stackMeters);
        ClosedLoopLoad.Result sd = ClosedLoopLoad.run("stock read direct", stack.host(), connections, Duration.ofSeconds(1), round,
                stockOnlyDirect, stackMeters);
        print(sg.line());
        print(sd.line());
        print(fmt("one-document read (a part's stock) ÷ floor: via gateway %.2f×, direct %.2f×, the hop %.2f×",
                sg.cpuMillisPerRequest() / floorG, sd.cpuMillisPerRequest() / floorD,
                (sg.cpuMillisPerRequest() - sd.cpuMillisPerRequest()) / (floorG - floorD)));
        summary.put("stack stock read CPU: via gateway / direct (ms); ÷ floor", fmt("%.3f / %.3f; %.2f / %.2f", sg.cpuMillisPerRequest(),
                sd.cpuMillisPerRequest(), sg.cpuMillisPerRequest() / floorG, sd.cpuMillisPerRequest() / floorD));
    }

    private static List<ClosedLoopLoad.Result> lastThree(List<ClosedLoopLoad.Result> rounds) {
        return rounds.subList(Math.max(0, rounds.size() - 3), rounds.size());
    }

    /** (max − min) ÷ median of the rounds' CPU per request. */
    private static double spread(List<ClosedLoopLoad.Result> rounds) {
        double[] v = rounds.stream().mapToDouble(ClosedLoopLoad.Result::cpuMillisPerRequest).sorted().toArray();
        if (v.length == 0 || Double.isNaN(v[0])) {
            return Double.NaN;
        }
        return (v[v.length - 1] - v[0]) / v[v.length / 2];
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
        figures.put("event-paced-p99", all.percentileMillis(0.99));
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
                        "{\"odometerOutKm\":200000,\"workExplained\":true}");
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
        figures.put("handover-p99", toCallback.percentileMillis(0.99));
        figures.put("handover-missing", (double) missing);
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
        String document = f.counterSale;
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
        if (r.errors() > 0) {
            r.opLines().forEach(this::print);
        }
        print(fmt("   answered 201: %d, no answer or 5xx: %d (warm-up included); on hand %d → %d (%d booked), available %d → %d: %s",
                succeeded.get(), unknown.get(), onHandBefore, onHandAfter, booked, availableBefore, availableAfter,
                exact ? (unknown.get() == 0 ? "EXACT" : "EXACT (each unanswered issue booked at most once)") : "MISMATCH"));
        summary.put(key, fmt("%.0f (p99 %.1f ms, errors %d, stock %s), stack CPU %.2f ms/issue", r.requestsPerSecond(),
                r.all().percentileMillis(0.99), r.errors(), exact ? "exact" : "MISMATCH", r.cpuMillisPerRequest()));
        figures.put("cpu-issue " + name, r.cpuMillisPerRequest());
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
                    HttpConn.Response r = conn.post("/api/v1/stock-issues", f.token, issueBody(pn, f.counterSale));
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

    // ---------------------------------------------------------------- the figures and their targets

    private void figuresTable() {
        print("");
        print("== The figures and their targets (every figure measured in this run; — where its part was not run) ==");
        row("stack CPU per read through the gateway", ms(figures.get("cpu-gateway")), "≤ 1.0 ms", le(figures.get("cpu-gateway"), 1.0));
        row("stack CPU per read direct to the service", ms(figures.get("cpu-direct")), "≤ 0.5 ms", le(figures.get("cpu-direct"), 0.5));
        row("what the gateway hop adds (CPU per read)", ms(figures.get("cpu-hop")), "≤ 0.3 ms", le(figures.get("cpu-hop"), 0.3));
        row("framework floor CPU per read: via gateway / direct / hop", figures.containsKey("floor-gateway")
                ? fmt("%.3f / %.3f / %.3f ms", figures.get("floor-gateway"), figures.get("floor-direct"), figures.get("floor-hop")) : "—", "", "");
        if (figures.containsKey("floor-gateway") && figures.containsKey("cpu-gateway")) {
            double rg = figures.get("cpu-gateway") / figures.get("floor-gateway");
            double rd = figures.get("cpu-direct") / figures.get("floor-direct");
            double rh = figures.get("cpu-hop") / figures.get("floor-hop");
            row("stack ÷ floor: via gateway / direct / hop", fmt("%.2f× / %.2f× / %.2f×", rg, rd, rh), "≤ 1.3×",
                    rg <= 1.3 && rd <= 1.3 && rh <= 1.3 ? "met" : "missed");
        }
        Double rps = figures.get("rps-gateway");
        row("reads through the gateway, 32 connections", rps == null ? "—" : fmt("%.0f req/s", rps), "≥ 1,500 req/s",
                rps == null ? "" : rps >= 1500 ? "met" : "missed");
        row("gateway p99 / direct p99", figures.containsKey("p99-ratio") ? fmt("%.2f", figures.get("p99-ratio")) : "—", "≤ 1.3",
                le(figures.get("p99-ratio"), 1.3));
        row("realistic mix, stack CPU per request", ms(figures.get("cpu-mix")), "≤ 5 ms", le(figures.get("cpu-mix"), 5.0));
        Double issue = figures.get("cpu-issue one hot part direct");
        row("parts issue, stack CPU direct", ms(issue), "≤ 3 ms", le(issue, 3.0));
        Double mixP99 = figures.get("event-mix-p99");
        row("write 2xx → event readable, during the saturating mix", mixP99 == null ? "—"
                : fmt("p50 %.0f ms, p99 %.0f ms", figures.get("event-mix-p50"), mixP99), "p99 ≤ 200 ms", le(mixP99, 200.0));
        Double paced = figures.get("event-paced-p99");
        row("write 2xx → event readable, paced", paced == null ? "—" : fmt("p99 %.1f ms", paced), "p99 ≤ 20 ms", le(paced, 20.0));
        Double handover = figures.get("handover-p99");
        row("handover → CRM callback exists", handover == null ? "—" : fmt("p99 %.1f ms (%.0f missing)", handover,
                figures.get("handover-missing")), "p99 ≤ 50 ms", le(handover, 50.0));
        Double restart = startup.get("restart-s");
        row("ready after a restart (`./forecourt up`, data kept)", seconds(restart, startup.get("restart-rss")), "≤ 15 s", le(restart, 15.0));
        Double first = startup.get("first-start-s");
        row("ready after a first start with seeding (`./forecourt up`)", seconds(first, startup.get("first-start-rss")), "≤ 30 s", le(first, 30.0));
        double rss = ClosedLoopLoad.stackCpu.rssMegabytes();
        row("stack RSS after the benchmarks", Double.isNaN(rss) ? "—" : fmt("%.0f MB (%.2f GB)", rss, rss / 1024), "≤ 1.0 GB",
                Double.isNaN(rss) ? "" : rss <= 1024 ? "met" : "missed");
        if (floorService.pid() > 0) {
            print(fmt("(floor JVMs' RSS: gateway %.0f MB, service %.0f MB)", floorGateway.rssMegabytes(), floorService.rssMegabytes()));
        }
    }

    private void row(String figure, String measured, String target, String verdict) {
        print(fmt("| %-58s | %-30s | %-13s | %-6s |", figure, measured, target, verdict));
    }

    private static String ms(Double v) {
        return v == null || v.isNaN() ? "—" : fmt("%.2f ms", v);
    }

    private static String seconds(Double s, Double rss) {
        return s == null || s.isNaN() ? "—" : fmt("%.1f s (RSS %.0f MB)", s, rss);
    }

    private static String le(Double v, double target) {
        return v == null || v.isNaN() ? "" : v <= target ? "met" : "missed";
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
