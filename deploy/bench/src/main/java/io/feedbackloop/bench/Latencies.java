package io.feedbackloop.bench;

import java.util.Arrays;

/** Every latency of one phase, kept whole (not sampled), so that p99 is the real p99. */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int size;

    synchronized void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    synchronized int count() {
        return size;
    }

    /** Percentiles in milliseconds, e.g. {@code millis(50, 95, 99, 100)}. */
    synchronized double[] millis(double... percentiles) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        double[] result = new double[percentiles.length];
        for (int i = 0; i < percentiles.length; i++) {
            if (size == 0) {
                result[i] = Double.NaN;
                continue;
            }
            int rank = (int) Math.ceil(percentiles[i] / 100.0 * size) - 1;
            result[i] = sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000_000.0;
        }
        return result;
    }

    /** "p50 3.1 ms, p95 9.8 ms, p99 21.0 ms, max 80.2 ms (n=1000)" */
    String summary() {
        double[] p = millis(50, 95, 99, 100);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p[0], p[1], p[2], p[3], count());
    }
}
