package dev.forecourt.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * {@code connections} workers, each sending its next request as soon as the previous answer
 * arrived (closed loop), for a warm-up and then a measured period. Each worker has its own
 * HTTP/1.1 client, i.e. its own connection, as a front end or a load balancer would.
 */
final class ClosedLoopLoad {

    /** What one run measured. */
    record Result(String name, int connections, Duration measured, Latencies latencies, long errors) {

        double requestsPerSecond() {
            return latencies.count() / (measured.toMillis() / 1000.0);
        }

        String line() {
            return String.format(Locale.ROOT, "%-34s %3d conn  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  errors %d",
                    name, connections, requestsPerSecond(), latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
                    latencies.percentileMillis(0.999), errors);
        }
    }

    private ClosedLoopLoad() {
    }

    /**
     * @param requests request number → request; called by the workers, so it must be thread-safe
     * @param ok       which statuses count as success
     */
    static Result run(String name, int connections, Duration warmUp, Duration measured,
                      IntFunction<HttpRequest> requests, java.util.function.IntPredicate ok) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Latencies> perWorker = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        for (int w = 0; w < connections; w++) {
            Latencies latencies = new Latencies();
            perWorker.add(latencies);
            Thread worker = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        HttpRequest request = requests.apply((int) sequence.getAndIncrement());
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long answered = System.nanoTime();
                        if (sent >= measureFrom) {
                            latencies.record(answered - sent);
                            if (!ok.test(status)) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, name + "-" + w);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        return new Result(name, connections, measured, Latencies.merge(perWorker), errors.get());
    }
}
