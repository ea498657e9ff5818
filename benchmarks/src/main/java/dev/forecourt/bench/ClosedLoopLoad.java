package dev.forecourt.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntPredicate;

/**
 * {@code connections} workers, each sending its next request as soon as the previous answer
 * arrived (closed loop), for a warm-up and then a measured period. Each worker keeps its own
 * persistent HTTP/1.1 connection per target port, as a front end or a load balancer would; a
 * request is one weighted draw from a mix of operations.
 */
final class ClosedLoopLoad {

    /** One kind of request in a mix. {@code call} runs on a worker thread and must be thread-safe. */
    record Op(String name, int weight, IntPredicate ok, Call call) {
    }

    @FunctionalInterface
    interface Call {
        HttpConn.Response call(Worker worker) throws IOException;
    }

    /** What a worker offers an operation: connections by port and a random source of its own. */
    static final class Worker {
        private final String host;
        private final Map<Integer, HttpConn> connections = new HashMap<>();
        final SplittableRandom random;
        final int index;

        Worker(String host, int index, long seed) {
            this.host = host;
            this.index = index;
            this.random = new SplittableRandom(seed);
        }

        HttpConn to(int port) {
            return connections.computeIfAbsent(port, p -> new HttpConn(host, p));
        }

        void close() {
            connections.values().forEach(HttpConn::close);
        }
    }

    /** What one run measured: all requests together and each operation on its own. */
    record Result(String name, int connections, Duration measured, Latencies all, long errors,
                  Map<String, Latencies> byOp, Map<String, Long> errorsByOp, Map<String, String> firstErrorByOp,
                  double stackCpuSeconds, double[] meters) {

        /** How much meter {@code i} of the run's meters moved over the measured period (the first is the CPU per request's). */
        double meter(int i) {
            return meters[i];
        }

        /** CPU milliseconds the stack spent per measured request (NaN without a pid). */
        double cpuMillisPerRequest() {
            return stackCpuSeconds * 1000.0 / Math.max(1, all.count());
        }

        double requestsPerSecond() {
            return all.count() / (measured.toMillis() / 1000.0);
        }

        double requestsPerSecond(String op) {
            return byOp.get(op).count() / (measured.toMillis() / 1000.0);
        }

        String line() {
            return line(name, connections, all, requestsPerSecond(), errors)
                    + (Double.isNaN(stackCpuSeconds) ? "" : String.format(Locale.ROOT, "  stack CPU %.2f ms/req", cpuMillisPerRequest()));
        }

        static String line(String name, int connections, Latencies latencies, double rps, long errors) {
            return String.format(Locale.ROOT, "%-40s %3d conn %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  errors %d",
                    name, connections, rps, latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
                    latencies.percentileMillis(0.999), errors);
        }

        List<String> opLines() {
            List<String> lines = new ArrayList<>();
            byOp.forEach((op, latencies) -> {
                String line = String.format(Locale.ROOT, "   %-37s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  errors %d",
                        op, requestsPerSecond(op), latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
                        latencies.percentileMillis(0.999), errorsByOp.getOrDefault(op, 0L));
                if (firstErrorByOp.containsKey(op)) {
                    line += "  (first: " + firstErrorByOp.get(op) + ")";
                }
                lines.add(line);
            });
            return lines;
        }
    }

    private ClosedLoopLoad() {
    }

    /** The stack's process, when known, for its CPU time per request. */
    static volatile ProcessCpu stackCpu = new ProcessCpu(0);

    static Result run(String name, String host, int connections, Duration warmUp, Duration measured, List<Op> mix)
            throws InterruptedException {
        ProcessCpu stack = stackCpu;
        return run(name, host, connections, warmUp, measured, mix, List.of(stack::secondsOfWork));
    }

    /**
     * As {@link #run(String, String, int, Duration, Duration, List)}, reading each meter (CPU seconds of some
     * processes or threads) when the measured period starts and ends; the first meter is the one the CPU per
     * request is computed from.
     */
    static Result run(String name, String host, int connections, Duration warmUp, Duration measured, List<Op> mix,
                      List<java.util.function.DoubleSupplier> meters) throws InterruptedException {
        double[][] cpu = new double[2][meters.size()];
        int totalWeight = mix.stream().mapToInt(Op::weight).sum();
        List<Map<String, Latencies>> perWorker = new ArrayList<>();
        List<Map<String, long[]>> errorsPerWorker = new ArrayList<>();
        Map<String, String> firstErrors = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        Thread cpuProbe = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
                for (int i = 0; i < meters.size(); i++) {
                    cpu[0][i] = meters.get(i).getAsDouble();
                }
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                for (int i = 0; i < meters.size(); i++) {
                    cpu[1][i] = meters.get(i).getAsDouble();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-probe");
        cpuProbe.setDaemon(true);
        cpuProbe.start();
        for (int w = 0; w < connections; w++) {
            Map<String, Latencies> latencies = new LinkedHashMap<>();
            Map<String, long[]> errors = new HashMap<>();
            for (Op op : mix) {
                latencies.put(op.name(), new Latencies());
                errors.put(op.name(), new long[1]);
            }
            perWorker.add(latencies);
            errorsPerWorker.add(errors);
            Worker worker = new Worker(host, w, 0x5eed_0000L + w * 7919L + System.nanoTime());
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        Op op = pick(mix, totalWeight, worker.random.nextInt(totalWeight));
                        int status;
                        String failure = null;
                        try {
                            HttpConn.Response response = op.call().call(worker);
                            status = response.status();
                            if (!op.ok().test(status)) {
                                failure = status + " " + abbreviate(response.text());
                            }
                        } catch (Exception e) {
                            status = -1;
                            failure = e.toString();
                        }
                        long answered = System.nanoTime();
                        if (sent >= measureFrom) {
                            latencies.get(op.name()).record(answered - sent);
                            if (failure != null) {
                                errors.get(op.name())[0]++;
                                firstErrors.putIfAbsent(op.name(), failure);
                            }
                        }
                    }
                } finally {
                    worker.close();
                    done.countDown();
                }
            }, name + "-" + w);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        cpuProbe.join();
        Map<String, Latencies> byOp = new LinkedHashMap<>();
        Map<String, Long> errorsByOp = new LinkedHashMap<>();
        List<Latencies> everything = new ArrayList<>();
        long errors = 0;
        for (Op op : mix) {
            List<Latencies> parts = new ArrayList<>();
            long opErrors = 0;
            for (int w = 0; w < connections; w++) {
                parts.add(perWorker.get(w).get(op.name()));
                opErrors += errorsPerWorker.get(w).get(op.name())[0];
            }
            Latencies merged = Latencies.merge(parts);
            byOp.put(op.name(), merged);
            errorsByOp.put(op.name(), opErrors);
            everything.add(merged);
            errors += opErrors;
        }
        double[] moved = new double[meters.size()];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = cpu[1][i] - cpu[0][i];
        }
        return new Result(name, connections, measured, Latencies.merge(everything), errors, byOp, errorsByOp, firstErrors,
                moved.length == 0 ? Double.NaN : moved[0], moved);
    }

    private static Op pick(List<Op> mix, int totalWeight, int draw) {
        int acc = 0;
        for (Op op : mix) {
            acc += op.weight();
            if (draw < acc) {
                return op;
            }
        }
        return mix.get(mix.size() - 1);
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
