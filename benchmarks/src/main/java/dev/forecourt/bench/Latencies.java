package dev.forecourt.bench;

import java.util.Arrays;
import java.util.Locale;

/** Recorded latencies (nanoseconds) and their percentiles. Not thread-safe: one per worker, then merged. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;
    private boolean sorted;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.record(part.values[i]);
            }
        }
        return all;
    }

    int count() {
        return size;
    }

    /** The value below which {@code fraction} of the samples lie, in milliseconds. */
    double percentileMillis(double fraction) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int index = (int) Math.min(size - 1, Math.ceil(fraction * size) - 1);
        return values[Math.max(0, index)] / 1_000_000.0;
    }

    String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms",
                size, percentileMillis(0.50), percentileMillis(0.99), percentileMillis(0.999), percentileMillis(1.0));
    }
}
