package dev.forecourt.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * CPU time (user + system) consumed by a process, from {@code /proc/<pid>/stat}, or by those of its threads
 * whose name matches ({@code /proc/<pid>/task/<tid>/stat}; Linux shows the first 15 characters of a Java
 * thread's name). On a machine shared with other work, throughput and latency depend on what else runs, but
 * the CPU a process spends per request hardly does: it is the figure that compares tunings fairly.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** The embedded MongoDB-wire server's threads in the stack: its Netty workers and H2's background writer. */
    static final Predicate<String> MONGO_STAND_IN = name -> name.startsWith("mongo-server") || name.startsWith("MVStore");

    /** The gateway's Reactor Netty event loops: in the devstack's JVM only the gateway runs them. */
    static final Predicate<String> GATEWAY_EVENT_LOOPS = name -> name.startsWith("reactor-http");

    /** The services' Tomcat request threads ({@code http-nio-<port>-exec-<n>}). */
    static final Predicate<String> SERVICES_TOMCAT_THREADS = name -> name.startsWith("http-nio-");

    /**
     * The JIT compiler's threads. A JVM running six services, a gateway, a broker and a store compiles for
     * minutes after start (C2 alone took 40-90 % of a core through ten rounds of reads), so its compiler's
     * CPU is warm-up, not the cost of a request: {@link #secondsOfWork()} leaves it out, for the stack and the
     * floor alike. On two cores the JVM runs one C1 and one C2 thread that never end, so what they used is
     * never lost from the count when a thread goes away.
     */
    static final Predicate<String> JIT_COMPILER = name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");

    private final long pid;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /** Seconds of CPU used so far; NaN when not on Linux or no pid was given. */
    double seconds() {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Seconds of CPU used so far by everything but the JIT compiler ({@link #JIT_COMPILER}). */
    double secondsOfWork() {
        return seconds() - seconds(JIT_COMPILER);
    }

    /** Seconds of CPU used so far by the live threads whose name matches (a thread that ended is not counted). */
    double seconds(Predicate<String> threadName) {
        if (pid <= 0) {
            return Double.NaN;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (threadName.test(name)) {
                        ticks += ticks(stat);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** Resident memory in MB ({@code VmRSS} of {@code /proc/<pid>/status}); NaN when unknown. */
    double rssMegabytes() {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
