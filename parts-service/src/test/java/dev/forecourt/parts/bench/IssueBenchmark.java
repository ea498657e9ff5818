package dev.forecourt.parts.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;

/**
 * Load driver, not a test: its name does not match the test pattern, so {@code verify} skips it.
 * Run it on purpose with
 * {@code ./mvnw -q -pl parts-service verify -Dtest=IssueBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dbench.issues=2000 -Dbench.threads=32 -Dbench.parts=50}). It issues over HTTP,
 * through the whole stack (token check, validation, conditional update, ledger copy, outbox), and
 * prints issues per second and latency percentiles, once with every request on one part (all
 * writes contend for one stock card) and once spread over many parts. Figures go to stdout and
 * to {@code target/issue-benchmark.txt}.
 */
@ForecourtServiceTest
class IssueBenchmark {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.forecourt.parts.repairorders.RepairOrders repairOrders;

    @Test
    void run() throws Exception {
        int issues = Integer.getInteger("bench.issues", 2000);
        int threads = Integer.getInteger("bench.threads", 32);
        int spread = Integer.getInteger("bench.parts", 50);
        PartsFixture parts = new PartsFixture(port, repairOrders);

        String hot = parts.part();
        parts.receive(hot, 100_000);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < spread; i++) {
            String partNumber = parts.part();
            parts.receive(partNumber, 10_000);
            many.add(partNumber);
        }

        measure("warm-up", parts, List.of(hot), Math.min(issues, 300), threads);
        String onePart = measure("one part", parts, List.of(hot), issues, threads);
        String manyParts = measure(spread + " parts", parts, many, issues, threads);

        String report = "Issue benchmark: " + issues + " issues of 1 piece, " + threads + " client threads, "
                + Runtime.getRuntime().availableProcessors() + " CPUs\n" + onePart + "\n" + manyParts + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target", "issue-benchmark.txt"), report);
    }

    private static String measure(String name, PartsFixture parts, List<String> partNumbers, int issues, int threads) throws Exception {
        long[] latencies = new long[issues];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < issues; i = next.getAndIncrement()) {
                        String partNumber = partNumbers.get(ThreadLocalRandom.current().nextInt(partNumbers.size()));
                        long begin = System.nanoTime();
                        Api.Response answer = parts.issue(partNumber, 1, "bench-ro-" + i);
                        latencies[i] = System.nanoTime() - begin;
                        if (answer.status() != 201) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return "%-9s %7.0f issues/s   p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   failures %d".formatted(name, issues / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6, failures.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
