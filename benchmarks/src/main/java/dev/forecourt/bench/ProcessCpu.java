package dev.forecourt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) consumed by the stack's process, from {@code /proc/<pid>/stat}. On a
 * machine shared with other work, throughput and latency depend on what else runs, but the CPU
 * the stack spends per request hardly does: it is the figure that compares tunings fairly.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final long pid;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    /** Seconds of CPU used so far; NaN when not on Linux or no pid was given. */
    double seconds() {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
