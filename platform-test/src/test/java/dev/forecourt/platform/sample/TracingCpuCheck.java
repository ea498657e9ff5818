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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.ForecourtTestStack;
import dev.forecourt.platform.test.TestTokens;

/**
 * What trace sampling costs a service, per read: the sample service's {@code GET /api/v1/widgets/{id}}
 * driven by blocking keep-alive clients ("load-" threads) in alternating rounds — with a sampled
 * {@code traceparent} (what every request through a gateway sampling 1.0 carries), an unsampled one
 * (a gateway sampling a fraction: the rest), and none (a direct call: the service's own ratio).
 * Service CPU = the process's CPU (the in-process MongoDB stand-in and Kafka included) minus the
 * load's threads. Not part of the suite (the name does not end in Test):
 * {@code ./mvnw -o -pl platform-test verify -Dtest=TracingCpuCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dbench.rounds=6 -Dbench.seconds=10 -Dbench.clients=8 -Dbench.modes=01,00,none; -Dbench.compare="a=b;c=d" for a
 * second sample service with these properties, measured in alternating rounds with the first).
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
        String token = TestTokens.staff("hr", "hr-specialist", "widgets:create", "widgets:read");
        String id = Api.at(port).as(token).post("/api/v1/widgets", "{\"name\":\"wiper\",\"quantity\":3}").at("/id");
        // -Dbench.modes=01,00,none: which kinds of request, each its own rounds (e.g. only 01 for a profile)
        List<String> modes = List.of(System.getProperty("bench.modes", "01,00,none").split(","));
        List<String> modeLabels = modes.stream().map(m -> m.equals("01") ? "traceparent sampled (01)"
                : m.equals("00") ? "traceparent not sampled (00)" : "no traceparent (own ratio)").toList();
        // -Dbench.compare="a=b;c=d": a second sample service in this JVM with these properties on top (same store,
        // same widget), measured in alternating rounds with this one, so both see the same machine
        String compare = System.getProperty("bench.compare", "");
        ConfigurableApplicationContext other = compare.isBlank() ? null
                : new SpringApplicationBuilder(SampleApplication.class, ServiceShapedRead.class, FrameworkBearerTokens.class).initializers(new ForecourtTestStack.Initializer())
                        .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0"), java.util.stream.Stream.of(compare.split(";")))
                                .map(p -> "--" + p).toArray(String[]::new));
        List<Integer> ports = other == null ? List.of(port)
                : List.of(port, ((WebServerApplicationContext) other).getWebServer().getPort());
        List<String> sides = other == null ? List.of("") : List.of("A (as configured) ", "B (" + compare + ") ");
        List<String[]> plan = new ArrayList<>(); // {port index, mode index}
        for (int m = 0; m < modes.size(); m++) {
            for (int side = 0; side < ports.size(); side++) {
                plan.add(new String[] {String.valueOf(side), String.valueOf(m)});
            }
        }
        AtomicReference<String> flags = new AtomicReference<>("01");
        AtomicInteger target = new AtomicInteger(port);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong done = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> drive(target, id, token, flags, done, running), "load-" + i);
            t.start();
            load.add(t);
        }
        System.out.printf("bench: %d clients, %d rounds of %d s each way; load average %.2f%n", clients, rounds, seconds, os.getSystemLoadAverage());
        for (int round = 1; round <= rounds * plan.size(); round++) {
            String[] step = plan.get((round - 1) % plan.size());
            int side = Integer.parseInt(step[0]);
            int which = Integer.parseInt(step[1]);
            flags.set(modes.get(which).equals("none") ? null : modes.get(which));
            target.set(ports.get(side));
            Thread.sleep(1000); // the clients move over (each finishes its request, reconnects)
            long cpu0 = os.getProcessCpuTime() - loadCpu(threads);
            long n0 = done.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu1 = os.getProcessCpuTime() - loadCpu(threads);
            long n1 = done.get();
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("bench round %d %s%-30s: %.0f req/s, service CPU %.1f µs/request (load average %.2f)%n",
                    (round - 1) / plan.size() + 1, sides.get(side), modeLabels.get(which), (n1 - n0) / wall,
                    (cpu1 - cpu0) / 1000.0 / Math.max(1, n1 - n0), os.getSystemLoadAverage());
        }
        running.set(false);
        for (Thread t : load) {
            t.join(5_000);
        }
        if (other != null) {
            other.close();
        }
    }

    /** The read: the sample's own by default; -Dbench.read=shaped for {@link ServiceShapedRead}'s. */
    static final String READ = "shaped".equals(System.getProperty("bench.read", "shaped")) ? "/api/v1/bench-widgets/" : "/api/v1/widgets/";

    /**
     * A read in the shape every service's reads have, which the sample's {@code GET /api/v1/widgets/{id}}
     * lacks: a constrained parameter (Spring MVC's method validation) with {@code @PreAuthorize} (method security
     * and {@code AuthorizationFirst}), reading one aggregate and answering its view.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class ServiceShapedRead {

        @org.springframework.context.annotation.Bean
        BenchWidgets benchWidgets(dev.forecourt.platform.events.outbox.AggregateStore store) {
            return new BenchWidgets(store);
        }
    }

    /** {@code bench.framework-bearer=true} in -Dbench.compare: Spring Security's own (regex) bearer token reader, as before. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("bench.framework-bearer")
    static class FrameworkBearerTokens {

        @org.springframework.context.annotation.Bean
        org.springframework.security.oauth2.server.resource.web.BearerTokenResolver frameworkBearerTokens() {
            return new org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver();
        }
    }

    @org.springframework.web.bind.annotation.RestController
    @org.springframework.web.bind.annotation.RequestMapping("/api/v1/bench-widgets")
    static class BenchWidgets {

        private final dev.forecourt.platform.events.outbox.AggregateStore store;

        BenchWidgets(dev.forecourt.platform.events.outbox.AggregateStore store) {
            this.store = store;
        }

        @org.springframework.web.bind.annotation.GetMapping("/{id}")
        @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('widgets:read')")
        WidgetController.WidgetView get(@org.springframework.web.bind.annotation.PathVariable @jakarta.validation.constraints.NotBlank String id) {
            return WidgetController.WidgetView.of(store.find(Widget.class, id));
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

    private static void drive(AtomicInteger target, String id, String token, AtomicReference<String> flags, AtomicLong done, AtomicBoolean running) {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        while (running.get()) {
            int port = target.get();
            try (Socket socket = new Socket("localhost", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (running.get() && target.get() == port) {
                    String flag = flags.get();
                    String traceparent = "";
                    if (flag != null) {
                        byte[] trace = new byte[24];
                        random.nextBytes(trace);
                        trace[0] |= 0x10;
                        trace[16] |= 0x10;
                        traceparent = "traceparent: 00-" + hex.formatHex(trace, 0, 16) + "-" + hex.formatHex(trace, 16, 24) + "-" + flag + "\r\n";
                    }
                    out.write(("GET " + READ + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
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
