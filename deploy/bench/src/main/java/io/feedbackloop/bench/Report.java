package io.feedbackloop.bench;

import java.util.Map;

/** The benchmark's printed figures, built up phase by phase, and the targets they are held against. */
final class Report {

    private final StringBuilder text = new StringBuilder();
    double acceptedPerSecond = Double.NaN;
    double acceptP99 = Double.NaN;
    double e2eP99 = Double.NaN;
    double e2eAcceptP99 = Double.NaN;
    int steadyRate;
    double steadyE2eP99 = Double.NaN;
    int receivedRecordBytes;

    void line(String format, Object... args) {
        text.append(String.format(format, args)).append('\n');
    }

    void blank() {
        text.append('\n');
    }

    void outcome(FeedbackLoad.Outcome outcome) {
        line("  offered %d, accepted %d = %.0f/s, refused %s, no answer %d", outcome.offered(), outcome.accepted(),
                outcome.acceptedPerSecond(), outcome.refused() == 0 ? "0" : outcome.refusedByStatus().toString(),
                outcome.failed());
        line("  accept latency:  %s", outcome.latencies().summary());
    }

    /** @param phases CPU per phase in this order, memory at the end of the last */
    void resources(Map<String, ResourceMeter.Reading> phases) {
        blank();
        line("Resources: CPU in cores busy on average during the phase, memory (PSS) at the end");
        StringBuilder header = new StringBuilder(String.format("  %-28s", "process"));
        phases.keySet().forEach(phase -> header.append(String.format(" %12s", phase)));
        line("%s %12s", header, "memory");
        ResourceMeter.Reading last = null;
        for (ResourceMeter.Reading reading : phases.values()) {
            last = reading;
        }
        for (Map.Entry<String, Double> part : last.cores().entrySet()) {
            StringBuilder row = new StringBuilder(String.format("  %-28s", part.getKey()));
            phases.values().forEach(reading -> row.append(String.format(" %12.2f", reading.cores().get(part.getKey()))));
            line("%s %8.0f MiB", row, last.memoryMiB().get(part.getKey()));
        }
        StringBuilder busy = new StringBuilder(String.format("  %-28s", "whole machine busy"));
        phases.values().forEach(reading -> busy.append(String.format(" %11.0f%%", reading.machineBusyShare() * 100)));
        line("%s", busy);
    }

    void targets(double importRowsPerSecond, int importRows) {
        blank();
        line("Targets (2-core machine, everything on it):");
        line("  >= 5,000 accepted feedback/s ............ %s (%.0f/s)", verdict(acceptedPerSecond >= 5000), acceptedPerSecond);
        line("  p99 accept latency < 50 ms .............. %s (%.1f ms at saturation; %.1f ms at the fixed rate)",
                verdict(acceptP99 < 50), acceptP99, e2eAcceptP99);
        line("  end-to-end p99 < 1 s at the fixed rate .. %s (%s)%s", verdict(e2eP99 < 1000), millis(e2eP99),
                steadyRate > 0 ? String.format("; at %d/s: %s", steadyRate, millis(steadyE2eP99)) : "");
        if (importRows > 0) {
            double seconds = importRows / importRowsPerSecond;
            line("  %,d-row import < 60 s ........... %s (%.0f s)", importRows, verdict(seconds < 60), seconds);
        }
    }

    private static String millis(double p99) {
        return Double.isInfinite(p99) ? "above the drain limit" : String.format("%.0f ms", p99);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    String text() {
        return text.toString();
    }
}
