package dev.forecourt.platform.sample;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

/**
 * What trace sampling costs a service, per read: the sample service's {@code GET /api/v1/widgets/{id}}
 * driven by blocking keep-alive clients ("load-" threads) in alternating rounds — with a sampled
 * {@code traceparent} (what every request through a gateway sampling 1.0 carries), an unsampled one
 * (a gateway sampling a fraction: the rest), and none (a direct call: the service's own ratio).
 * Service CPU = the process's CPU (the in-process MongoDB stand-in and Kafka included) minus the
 * load's threads. Not part of the suite (the name does not end in Test):
 * {@code ./mvnw -o -pl platform-test verify -Dtest=TracingCpuCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dbench.rounds=6 -Dbench.seconds=10 -Dbench.clients=8 -Dbench.modes=01,00,none).
 */
@ForecourtServiceTest
class TracingCpuCheck {

    @LocalServerPort
    int port;

    @Test
    void cpuPerReadBySampling() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 6);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int clients = Integer.getInteger("bench.clients", 8);
        String token = TestTokens.staff("hr", "hr-specialist", "widgets:create");
        String id = Api.at(port).as(token).post("/api/v1/widgets", "{\"name\":\"wiper\",\"quantity\":3}").at("/id");
        // -Dbench.modes=01,00,none: which kinds of request, each its own rounds (e.g. only 01 for a profile)
        List<String> modes = List.of(System.getProperty("bench.modes", "01,00,none").split(","));
        String[] labels = modes.stream().map(m -> m.equals("01") ? "traceparent sampled (01)"
                : m.equals("00") ? "traceparent not sampled (00)" : "no traceparent (own ratio)").toArray(String[]::new);
        AtomicReference<String> flags = new AtomicReference<>("01");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong done = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> drive(port, id, token, flags, done, running), "load-" + i);
            t.start();
            load.add(t);
        }
        System.out.printf("bench: %d clients, %d rounds of %d s each way; load average %.2f%n", clients, rounds, seconds, os.getSystemLoadAverage());
        for (int round = 1; round <= rounds * labels.length; round++) {
            int which = (round - 1) % labels.length;
            flags.set(modes.get(which).equals("none") ? null : modes.get(which));
            Thread.sleep(500);
            long cpu0 = os.getProcessCpuTime() - loadCpu(threads);
            long n0 = done.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu1 = os.getProcessCpuTime() - loadCpu(threads);
            long n1 = done.get();
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("bench round %d %-30s: %.0f req/s, service CPU %.1f µs/request (load average %.2f)%n",
                    (round - 1) / labels.length + 1, labels[which], (n1 - n0) / wall, (cpu1 - cpu0) / 1000.0 / Math.max(1, n1 - n0),
                    os.getSystemLoadAverage());
        }
        running.set(false);
        for (Thread t : load) {
            t.join(5_000);
        }
    }

    private static long loadCpu(ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("load-")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    private static void drive(int port, String id, String token, AtomicReference<String> flags, AtomicLong done, AtomicBoolean running) {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        while (running.get()) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (running.get()) {
                    String flag = flags.get();
                    String traceparent = "";
                    if (flag != null) {
                        byte[] trace = new byte[24];
                        random.nextBytes(trace);
                        trace[0] |= 0x10;
                        trace[16] |= 0x10;
                        traceparent = "traceparent: 00-" + hex.formatHex(trace, 0, 16) + "-" + hex.formatHex(trace, 16, 24) + "-" + flag + "\r\n";
                    }
                    out.write(("GET /api/v1/widgets/" + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nAccept: application/json\r\n" + traceparent + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readResponse(in);
                    done.incrementAndGet();
                }
            } catch (IOException e) {
                // reconnect
            }
        }
    }

    /** Reads one response: the head, then Content-Length bytes or chunks. */
    private static void readResponse(InputStream in) throws IOException {
        int contentLength = -1;
        boolean chunked = false;
        boolean first = true;
        while (true) {
            String header = readLine(in);
            if (first) {
                first = false;
                if (!header.startsWith("HTTP/1.1 200")) {
                    throw new IOException(header);
                }
                continue;
            }
            if (header.isEmpty()) {
                break;
            }
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                int size = Integer.parseInt(readLine(in).trim(), 16);
                in.readNBytes(size);
                readLine(in);
                if (size == 0) {
                    return;
                }
            }
        }
        in.readNBytes(Math.max(0, contentLength));
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
