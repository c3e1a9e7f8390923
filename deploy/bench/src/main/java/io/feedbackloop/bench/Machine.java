package io.feedbackloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, and how busy the whole machine was. */
final class Machine {

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        double memoryGiB = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> Long.parseLong(v.replace("kB", "").trim()) / 1024.0 / 1024.0).orElse(Double.NaN);
        return String.format("%s, %d cores, %.0f GiB memory, Linux %s, Java %s", cpu,
                Runtime.getRuntime().availableProcessors(), memoryGiB, System.getProperty("os.version"),
                System.getProperty("java.version"));
    }

    /** Busy and total CPU ticks of the whole machine so far (first line of /proc/stat). */
    static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Share of all cores that were busy between two {@link #cpuTicks()} readings. */
    static double busyShare(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total == 0 ? Double.NaN : (double) (after[0] - before[0]) / total;
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private Machine() {
    }
}
