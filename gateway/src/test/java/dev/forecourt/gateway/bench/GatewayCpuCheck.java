package dev.forecourt.gateway.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.server.WebFilterChainProxy;

import dev.forecourt.gateway.GatewayApplication;
import dev.forecourt.gateway.TestTokens;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The gateway's CPU per routed read, alone: the gateway in this JVM in front of a trivial Reactor
 * Netty stub (own event loop, "stub-" threads), driven by blocking keep-alive clients ("load-"
 * threads). Gateway CPU = the process's CPU minus the stub's and the load's threads. Printed per
 * round until it settles. Not part of the suite (the name does not end in Test):
 * {@code ./mvnw -o -pl gateway verify -Dtest=GatewayCpuCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dbench.rounds=8 -Dbench.seconds=10 -Dbench.clients=8; -Dbench.properties="a=b;c=d" for the gateway,
 * -Dbench.compare="a=b" for a second gateway measured in alternating rounds, -Dbench.compare-without=bean,bean for a
 * second gateway without those beans, -Dbench.floor=true for the framework floor's gateway as the second,
 * -Dbench.headers="name: value\r\n"). The suite's JVM runs C1 only: add
 * {@code -Dtest.jvm.args="-XX:+UseSerialGC -Xmx1g"} to measure with C2, as the stack runs under load.
 */
class GatewayCpuCheck {

    private static final String BODY = "{\"partNumber\":\"06L115562B\",\"onHand\":12}";

    @Test
    void cpuPerRoutedRead() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 8);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int clients = Integer.getInteger("bench.clients", 8);
        LoopResources stubLoop = LoopResources.create("stub", 1, true);
        DisposableServer stub = HttpServer.create().port(0).runOn(stubLoop)
                .handle((request, response) -> request.receive().then(response
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(reactor.core.publisher.Mono.just(BODY)).then()))
                .bindNow();
        String stubUrl = "http://localhost:" + stub.port();
        DisposableServer hr = HttpServer.create().port(0).runOn(stubLoop)
                .route(routes -> routes.get("/.well-known/jwks.json", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(reactor.core.publisher.Mono.just(TestTokens.jwks()))))
                .bindNow();
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                // platform-test is on the test classpath: left out as the devstack does
                "spring.autoconfigure.exclude=dev.forecourt.platform.PlatformAutoConfiguration,"
                        + "dev.forecourt.platform.security.SecurityConfiguration,"
                        + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration,"
                        + "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "forecourt.store-id=" + TestTokens.STORE,
                "forecourt.rate-limit.per-user.burst=100000000", "forecourt.rate-limit.per-user.rate=100000000",
                "forecourt.rate-limit.per-address.burst=100000000", "forecourt.rate-limit.per-address.rate=100000000",
                "forecourt.security.jwks-uri=http://localhost:" + hr.port() + "/.well-known/jwks.json",
                "forecourt.services.hr.url=http://localhost:" + hr.port(),
                "forecourt.services.sales.url=" + stubUrl, "forecourt.services.workshop.url=" + stubUrl,
                "forecourt.services.parts.url=" + stubUrl, "forecourt.services.claims.url=" + stubUrl,
                "forecourt.services.crm.url=" + stubUrl,
                "logging.level.root=WARN"));
        String extra = System.getProperty("bench.properties", "");
        if (!extra.isBlank()) {
            properties.addAll(List.of(extra.split(";")));
        }
        // as arguments: they must win over gateway.yml
        ConfigurableApplicationContext gateway = GatewayApplication.builder()
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        // -Dbench.compare="a=b;c=d": a second gateway in this JVM with these properties on top, measured in
        // alternating rounds with the first, so both see the same machine (A/B on a shared, loaded host)
        String compare = System.getProperty("bench.compare", "");
        List<String> withoutBeans = Arrays.stream(System.getProperty("bench.compare-without", "").split(","))
                .map(String::trim).filter(bean -> !bean.isEmpty()).toList();
        ConfigurableApplicationContext other = null;
        if (Boolean.getBoolean("bench.floor")) {
            compare = "floor";
            other = BareGateway.start(stubUrl);
        } else if (!compare.isBlank() || !withoutBeans.isEmpty()) {
            List<String> overrides = compare.isBlank() ? List.of() : List.of(compare.split(";"));
            if (!withoutBeans.isEmpty()) {
                compare = (compare + " without " + String.join(",", withoutBeans)).trim();
            }
            List<String> otherProperties = new ArrayList<>(properties.stream()
                    .filter(p -> overrides.stream().noneMatch(o -> o.split("=", 2)[0].equals(p.split("=", 2)[0]))).toList());
            otherProperties.addAll(overrides);
            other = GatewayApplication.builder().initializers(without(withoutBeans))
                    .run(otherProperties.stream().map(p -> "--" + p).toArray(String[]::new));
        }
        int[] ports = other == null
                ? new int[] {((WebServerApplicationContext) gateway).getWebServer().getPort()}
                : new int[] {((WebServerApplicationContext) gateway).getWebServer().getPort(),
                        ((WebServerApplicationContext) other).getWebServer().getPort()};
        String[] labels = other == null ? new String[] {"gateway"} : new String[] {"A (" + extra + ")", "B (" + compare + ")"};
        AtomicInteger target = new AtomicInteger(ports[0]);
        String token = TestTokens.valid("emp-bench");
        byte[] request = ("GET /api/v1/parts/06L115562B HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nAccept: application/json\r\n" + System.getProperty("bench.headers", "") + "\r\n").getBytes(StandardCharsets.US_ASCII);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong done = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> drive(target, request, done, running), "load-" + i);
            t.start();
            load.add(t);
        }
        System.out.printf("bench: %d clients, %d rounds of %d s; load average %.2f%n", clients, rounds, seconds, os.getSystemLoadAverage());
        for (int round = 1; round <= rounds * ports.length; round++) {
            int which = (round - 1) % ports.length;
            target.set(ports[which]);
            Thread.sleep(1000); // the clients move over (each finishes its request, reconnects)
            long cpu0 = os.getProcessCpuTime() - othersCpu(threads);
            long n0 = done.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu1 = os.getProcessCpuTime() - othersCpu(threads);
            long n1 = done.get();
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("bench round %d %s: %.0f req/s, gateway CPU %.1f µs/request (load average %.2f)%n",
                    (round - 1) / ports.length + 1, labels[which], (n1 - n0) / wall, (cpu1 - cpu0) / 1000.0 / Math.max(1, n1 - n0), os.getSystemLoadAverage());
        }
        running.set(false);
        for (Thread t : load) {
            t.join(5_000);
        }
        gateway.close();
        if (other != null) {
            other.close();
        }
        stub.disposeNow();
        hr.disposeNow();
        stubLoop.disposeLater().block();
    }

    /**
     * -Dbench.compare-without=name,name: the second gateway without these beans (an ablation: a filter's share of
     * the CPU per request). {@code security} takes Spring Security's whole chain away.
     */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> without(List<String> beans) {
        return context -> context.addBeanFactoryPostProcessor(factory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
            for (String bean : beans) {
                String[] names = bean.equals("security")
                        ? factory.getBeanNamesForType(WebFilterChainProxy.class, true, false) : new String[] {bean};
                for (String name : names) {
                    registry.removeBeanDefinition(name);
                }
            }
        });
    }

    /** CPU of the stub's and the load generator's threads. */
    private static long othersCpu(ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("stub-") || t.getName().startsWith("load-")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    private static void drive(AtomicInteger target, byte[] request, AtomicLong done, AtomicBoolean running) {
        while (running.get()) {
            int port = target.get();
            try (Socket socket = new Socket("localhost", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (running.get() && target.get() == port) {
                    out.write(request);
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
        StringBuilder line = new StringBuilder();
        int contentLength = -1;
        boolean chunked = false;
        int status = -1;
        while (true) {
            String header = readLine(in, line);
            if (status < 0) {
                status = Integer.parseInt(header.substring(9, 12));
                if (status != 200) {
                    throw new IOException("status " + status);
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
                int size = Integer.parseInt(readLine(in, line).trim(), 16);
                skip(in, size);
                readLine(in, line);
                if (size == 0) {
                    return;
                }
            }
        }
        skip(in, Math.max(0, contentLength));
    }

    private static String readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
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

    private static void skip(InputStream in, int n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("closed");
                }
                skipped = 1;
            }
            n -= (int) skipped;
        }
    }
}
