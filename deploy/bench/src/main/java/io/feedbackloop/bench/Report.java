package io.feedbackloop.bench;

import java.util.Map;

/** The benchmark's printed figures, built up phase by phase, and the targets they are held against. */
final class Report {

    private final StringBuilder text = new StringBuilder();
    double acceptedPerSecond = Double.NaN;
    double acceptP99 = Double.NaN;
    double e2eP99 = Double.NaN;
    double e2eAcceptP99 = Double.NaN;
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

    void resources(ResourceMeter.Reading atRate, ResourceMeter.Reading saturated, int rate) {
        blank();
        line("Resources: CPU in cores busy on average during the phase, memory (PSS) at its end");
        line("  %-28s %14s %14s %12s", "process", "at " + rate + "/s", "saturated", "memory");
        for (Map.Entry<String, Double> part : saturated.cores().entrySet()) {
            line("  %-28s %14.2f %14.2f %8.0f MiB", part.getKey(), atRate.cores().get(part.getKey()), part.getValue(),
                    saturated.memoryMiB().get(part.getKey()));
        }
        line("  %-28s %13.0f%% %13.0f%%", "whole machine busy", atRate.machineBusyShare() * 100,
                saturated.machineBusyShare() * 100);
    }

    void targets(double importRowsPerSecond, int importRows) {
        blank();
        line("Targets (2-core machine, everything on it):");
        line("  >= 5,000 accepted feedback/s ............ %s (%.0f/s)", verdict(acceptedPerSecond >= 5000), acceptedPerSecond);
        line("  p99 accept latency < 50 ms .............. %s (%.1f ms at saturation; %.1f ms at the fixed rate)",
                verdict(acceptP99 < 50), acceptP99, e2eAcceptP99);
        line("  end-to-end p99 < 1 s at the fixed rate .. %s (%s)", verdict(e2eP99 < 1000),
                Double.isInfinite(e2eP99) ? "above the drain limit" : String.format("%.0f ms", e2eP99));
        if (importRows > 0) {
            double seconds = importRows / importRowsPerSecond;
            line("  %,d-row import < 60 s ........... %s (%.0f s)", importRows, verdict(seconds < 60), seconds);
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    String text() {
        return text.toString();
    }
}
