package dev.forecourt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One read sent through two gateways in alternating rounds, with the CPU each gateway's process spent per
 * request in its rounds: the whole JVM's and its event loops' ({@code reactor-http} threads — in the
 * devstack's JVM, the gateway's only). Tells what a gateway costs in the stack's JVM from what it costs in
 * a JVM of its own, or ours from the framework floor's in front of the same service (docs/benchmarks.md,
 * 2026-12-07 afternoon). Both gateways and the service must be running; the token is hr's, from the first.
 * Two instances of a service compare the same way, read directly: {@code -Dbench.threads=http-nio-} counts the
 * services' Tomcat threads instead of the event loops (in the devstack's JVM add the port, e.g. {@code http-nio-9084},
 * for one service's; {@code http-nio-{port}}, each side's own port, for one service in two stacks), and
 * {@code -Dbench.login-port=} names where hr's token comes from (the gateway).
 * {@code -Dbench.path-b=} has B read another path: two reads of one process A/B (give its port and pid twice).
 * {@code -Dbench.login-port-b=} logs B in at another stack's gateway (two stacks, two signing keys): two builds A/B.
 *
 * <pre>java -Dloader.main=dev.forecourt.bench.TwoGateways -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     PORT_A PID_A PORT_B PID_B /api/v1/parts/04E905612C/stock [rounds 8] [seconds 10] [clients 16]</pre>
 */
public final class TwoGateways {

    private static final String HOST = "localhost";

    private TwoGateways() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: PORT_A PID_A PORT_B PID_B PATH [rounds] [seconds] [clients]");
            System.exit(2);
        }
        int[] ports = {Integer.parseInt(args[0]), Integer.parseInt(args[2])};
        ProcessCpu[] processes = {new ProcessCpu(Long.parseLong(args[1])), new ProcessCpu(Long.parseLong(args[3]))};
        String[] paths = {args[4], System.getProperty("bench.path-b", args[4])};
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 10;
        int clients = args.length > 7 ? Integer.parseInt(args[7]) : 16;
        int loginA = Integer.getInteger("bench.login-port", ports[0]);
        int loginB = Integer.getInteger("bench.login-port-b", loginA);
        String tokenA = Api.login(HOST, loginA, "gm");
        String[] tokens = {tokenA, loginB == loginA ? tokenA : Api.login(HOST, loginB, "gm")};
        String threadPrefix = System.getProperty("bench.threads");
        List<Predicate<String>> threads = new ArrayList<>();
        for (int port : ports) {
            String prefix = threadPrefix == null ? null : threadPrefix.replace("{port}", Integer.toString(port));
            threads.add(prefix == null ? ProcessCpu.GATEWAY_EVENT_LOOPS : name -> name.startsWith(prefix));
        }

        AtomicInteger side = new AtomicInteger(0);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread worker = new Thread(() -> read(side, ports, paths, tokens, done, failed, running), "client-" + i);
            worker.start();
            workers.add(worker);
        }
        for (int round = 0; round < rounds * 2; round++) {
            int which = round % 2;
            side.set(which);
            Thread.sleep(1_000); // the clients move over
            ProcessCpu cpu = processes[which];
            double jvm0 = cpu.seconds();
            double loops0 = cpu.seconds(threads.get(which));
            long n0 = done.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            double jvm = cpu.seconds() - jvm0;
            double loops = cpu.seconds(threads.get(which)) - loops0;
            long n = Math.max(1, done.get() - n0);
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d gateway %s (:%d): %.0f req/s, CPU per request %.0f µs (JVM), %.0f µs (%s); "
                            + "failed so far %d; load average %.2f%n", round / 2 + 1, which == 0 ? "A" : "B", ports[which], n / wall,
                    jvm * 1e6 / n, loops * 1e6 / n, threadPrefix == null ? "event loops" : threadPrefix + "*", failed.get(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        running.set(false);
        for (Thread worker : workers) {
            worker.join(5_000);
        }
    }

    private static void read(AtomicInteger side, int[] ports, String[] paths, String[] tokens, AtomicLong done, AtomicLong failed,
                             AtomicBoolean running) {
        while (running.get()) {
            int which = side.get();
            try (HttpConn conn = new HttpConn(HOST, ports[which])) {
                while (running.get() && side.get() == which) {
                    if (conn.get(paths[which], tokens[which]).status() == 200) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            }
        }
    }
}
