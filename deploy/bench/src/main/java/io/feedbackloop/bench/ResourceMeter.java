package io.feedbackloop.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import io.feedbackloop.stack.LoopStack;

/**
 * CPU used by each part of the loop during a phase (in cores: 1.0 is one core busy all the time)
 * and memory at its end, for the four services, the broker, PostgreSQL and the benchmark itself.
 */
final class ResourceMeter {

    /** One phase's readings, per part. */
    record Reading(Map<String, Double> cores, Map<String, Double> memoryMiB, double machineBusyShare) {
    }

    private static final String BENCHMARK = "benchmark JVM (load, SMTP)";
    private final Map<String, Long> pids = new LinkedHashMap<>();
    /** The services and the broker are this JVM's children: its own share excludes them. */
    private final long benchmarkPid;

    ResourceMeter(LoopStack stack) {
        for (LoopStack.Service service : LoopStack.SERVICES) {
            pids.put(service.module(), stack.service(service.module()).pid());
        }
        pids.put("kafka broker", stack.broker().pid());
        stack.postgres().serverPid().ifPresent(pid -> pids.put("postgresql", pid));
        benchmarkPid = ProcessHandle.current().pid();
        pids.put(BENCHMARK, benchmarkPid);
    }

    /** Starts measuring a phase; {@link Phase#end()} returns its reading. */
    Phase start() {
        return new Phase();
    }

    final class Phase {
        private final long started = System.nanoTime();
        private final Map<String, Double> cpuAtStart = cpuSeconds();
        private final long[] machineAtStart = Machine.cpuTicks();

        Reading end() {
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> cpuAtEnd = cpuSeconds();
            Map<String, Double> cores = new LinkedHashMap<>();
            Map<String, Double> memory = new LinkedHashMap<>();
            pids.forEach((name, pid) -> {
                cores.put(name, (cpuAtEnd.get(name) - cpuAtStart.get(name)) / seconds);
                memory.put(name, ProcessUsage.memoryMiB(pid, pid != benchmarkPid));
            });
            return new Reading(cores, memory, Machine.busyShare(machineAtStart, Machine.cpuTicks()));
        }
    }

    private Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, ProcessUsage.cpuSeconds(pid, pid != benchmarkPid)));
        return seconds;
    }
}
