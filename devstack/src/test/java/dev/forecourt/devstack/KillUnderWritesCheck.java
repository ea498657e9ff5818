package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;

/**
 * SIGKILL under writes: runs the packaged devstack as a child JVM (ports offset by 600, its own
 * data directory), writes through its gateway from several threads while recording every
 * acknowledged (2xx) resource, kills the process with {@code kill -9} in the middle of the writes,
 * starts it again on the same data directory, and checks that every acknowledged resource is
 * there and that the events of the acknowledged aggregates reach Kafka.
 *
 * <p>Too slow for the suite (two cold starts of the whole stack, one after a crash): run it with
 * {@code devstack/faults/kill-under-writes} (see docs/faults-and-hostile-input.md). The class name
 * does not match Surefire's default includes on purpose.
 */
class KillUnderWritesCheck {

    private static final int OFFSET = Integer.getInteger("faults.offset", 600);
    private static final String GATEWAY = "http://127.0.0.1:" + (8080 + OFFSET);
    private static final String KAFKA = "127.0.0.1:" + (9092 + OFFSET);
    private static final Duration WRITING = Duration.ofSeconds(Long.getLong("faults.writeSeconds", 20));
    private static final int WRITERS = 4;

    record Acknowledged(String kind, String id) {
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheProcessIsKilled() throws Exception {
        Path data = Files.createTempDirectory("forecourt-kill-under-writes");
        Process first = startStack(data, "1");
        List<Acknowledged> acknowledged = new ArrayList<>();
        AtomicInteger tried = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        long killedAfterWrites;
        Process second = null;
        try {
            awaitUp(first);
            Api gm = login();
            ConcurrentLinkedQueue<Acknowledged> acks = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int n = 0; writing.get(); n++) {
                        tried.incrementAndGet();
                        try {
                            Acknowledged ack = write(gm, (writer + n) % 5, writer * 100_000 + n);
                            if (ack != null) {
                                acks.add(ack);
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (RuntimeException noAnswer) {
                            unanswered.incrementAndGet();
                            StoreState.pause(Duration.ofMillis(200));
                        }
                    }
                }, "writer-" + w);
                thread.start();
                writers.add(thread);
            }
            StoreState.pause(WRITING);
            killedAfterWrites = acks.size();
            new ProcessBuilder("kill", "-9", Long.toString(first.pid())).inheritIO().start().waitFor();
            first.waitFor();
            StoreState.pause(Duration.ofSeconds(2));
            writing.set(false);
            for (Thread thread : writers) {
                thread.join(60_000);
            }
            acknowledged.addAll(acks);

            second = startStack(data, "2");
            awaitUp(second);
            Api again = login();
            List<Acknowledged> lost = new ArrayList<>();
            for (Acknowledged ack : acknowledged) {
                Api.Response found = again.get(readPath(ack));
                if (found.status() != 200) {
                    lost.add(ack);
                }
            }
            Set<String> withEvents = acknowledged.stream().filter(a -> !a.kind().equals("lead") && !a.kind().equals("receipt"))
                    .map(Acknowledged::id).collect(Collectors.toCollection(HashSet::new));
            Set<String> withoutEvent;
            try (TopicReader kafka = new TopicReader(KAFKA, List.of("forecourt.workshop.events", "forecourt.sales.events",
                    "forecourt.claims.events"))) {
                withoutEvent = new HashSet<>(kafka.awaitSubjects(subjects(acknowledged, "repair-order"),
                        "forecourt.workshop.repair-order-opened.v1", Duration.ofSeconds(120)));
                withoutEvent.addAll(kafka.awaitSubjects(subjects(acknowledged, "vehicle"), "forecourt.sales.vehicle-received.v1",
                        Duration.ofSeconds(60)));
                withoutEvent.addAll(kafka.awaitSubjects(subjects(acknowledged, "claim"), "forecourt.claims.warranty-claim-drafted.v1",
                        Duration.ofSeconds(60)));
            }
            Map<String, Long> byKind = acknowledged.stream().collect(Collectors.groupingBy(Acknowledged::kind, java.util.TreeMap::new,
                    Collectors.counting()));
            FaultReport.record("kill-9-under-writes", "writes tried " + tried.get() + ", acknowledged " + acknowledged.size() + " "
                    + byKind + " (" + killedAfterWrites + " before the kill), refused " + refused.get() + ", unanswered (in flight or "
                    + "after the kill) " + unanswered.get() + "; after restart on the same data: lost " + lost.size()
                    + "; aggregates whose creation event was checked " + withEvents.size() + ", without it on Kafka " + withoutEvent.size());
            assertThat(lost).as("acknowledged writes missing after the restart").isEmpty();
            assertThat(withoutEvent).as("acknowledged aggregates whose event never reached Kafka").isEmpty();
            assertThat(acknowledged).hasSizeGreaterThan(20);
        } finally {
            stop(first);
            stop(second);
        }
    }

    /** One write of five kinds, spread over sales, workshop, parts and claims; null when refused. */
    private static Acknowledged write(Api gm, int kind, int n) {
        switch (kind) {
            case 0 -> {
                Api.Response r = gm.post("/api/v1/repair-orders", Desk.openRepairOrder(n, Desk.newPhone(), null));
                return r.status() == 201 ? new Acknowledged("repair-order", r.at("/id")) : null;
            }
            case 1 -> {
                String vin = Desk.newVin();
                Api.Response r = gm.post("/api/v1/vehicles", Desk.vehicle(vin));
                return r.status() == 201 ? new Acknowledged("vehicle", vin) : null;
            }
            case 2 -> {
                Api.Response r = gm.post("/api/v1/leads", Desk.lead(n, Desk.newPhone()));
                return r.status() == 201 ? new Acknowledged("lead", r.at("/id")) : null;
            }
            case 3 -> {
                Api.Response r = gm.post("/api/v1/goods-receipts", Desk.goodsReceipt("DN-KILL-" + n + "-" + System.nanoTime(), "06L115562B", 1));
                return r.status() == 201 ? new Acknowledged("receipt", r.at("/id")) : null;
            }
            default -> {
                Api.Response r = gm.post("/api/v1/warranty-claims", Desk.warrantyClaim("ro-kill-" + n + "-" + System.nanoTime()));
                return r.status() == 201 ? new Acknowledged("claim", r.at("/id")) : null;
            }
        }
    }

    private static String readPath(Acknowledged ack) {
        return switch (ack.kind()) {
            case "repair-order" -> "/api/v1/repair-orders/" + ack.id();
            case "vehicle" -> "/api/v1/vehicles/" + ack.id();
            case "lead" -> "/api/v1/leads/" + ack.id();
            case "receipt" -> "/api/v1/goods-receipts/" + ack.id();
            default -> "/api/v1/warranty-claims/" + ack.id();
        };
    }

    private static Set<String> subjects(List<Acknowledged> acknowledged, String kind) {
        return acknowledged.stream().filter(a -> a.kind().equals(kind)).map(Acknowledged::id).collect(Collectors.toSet());
    }

    private static Api login() {
        Api.Response login = Api.at(GATEWAY).post("/api/v1/auth/token", "{\"username\":\"gm\",\"password\":\"demo1234\"}");
        if (login.status() != 200) {
            throw new AssertionError("Login failed: " + login);
        }
        return Api.at(GATEWAY).as(login.at("/accessToken"));
    }

    /** The packaged devstack if it is built, else the same main class from this test's classpath. */
    private static Process startStack(Path data, String run) throws IOException {
        Path jar = Path.of(System.getProperty("faults.devstackJar", "target/devstack-0.1.0-SNAPSHOT-exec.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx1g"));
        if (Files.exists(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.forecourt.devstack.Devstack"));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("FORECOURT_PORT_OFFSET", Integer.toString(OFFSET));
        builder.environment().put("FORECOURT_DATA_DIR", data.toString());
        File log = Path.of("target", "kill-under-writes-run-" + run + ".log").toFile();
        log.getParentFile().mkdirs();
        builder.redirectErrorStream(true).redirectOutput(log);
        System.out.println("[kill-under-writes] starting " + String.join(" ", command) + " (log " + log + ", data " + data + ")");
        return builder.start();
    }

    private static void awaitUp(Process process) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("faults.startSeconds", 400)).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The devstack exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/actuator/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            StoreState.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError("The devstack did not come up");
    }

    private static void stop(Process process) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
