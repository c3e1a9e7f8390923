package io.feedbackloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process and its children, read from Linux's {@code /proc}: a JVM is
 * one process; a PostgreSQL server is its postmaster and one backend per connection.
 */
final class ProcessUsage {

    /** Clock ticks per second of /proc's CPU times: USER_HZ, 100 on every Linux architecture we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * CPU seconds used so far by the process and, with {@code withChildren}, its live children and
     * its children that have ended.
     */
    static double cpuSeconds(long pid, boolean withChildren) {
        long ticks = 0;
        for (long member : withChildren ? tree(pid) : List.of(pid)) {
            String[] stat = stat(member);
            if (stat == null) {
                continue;
            }
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
            if (member == pid && withChildren) {
                ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]); // cutime, cstime: reaped children
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * Memory in MiB: the proportional set size (PSS) of the process tree, so that memory shared
     * by PostgreSQL's backends (its buffer cache) counts once and not once per backend.
     */
    static double memoryMiB(long pid, boolean withChildren) {
        long kib = 0;
        for (long member : withChildren ? tree(pid) : List.of(pid)) {
            kib += field(Path.of("/proc", String.valueOf(member), "smaps_rollup"), "Pss:");
        }
        return kib / 1024.0;
    }

    private static List<Long> tree(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        String[] stat = stat(Long.parseLong(name));
                        if (stat != null) {
                            children.computeIfAbsent(Long.parseLong(stat[1]), k -> new ArrayList<>()).add(Long.parseLong(name));
                        }
                    });
        } catch (IOException e) {
            return List.of(root);
        }
        List<Long> members = new ArrayList<>(List.of(root));
        for (int i = 0; i < members.size(); i++) {
            members.addAll(children.getOrDefault(members.get(i), List.of()));
        }
        return members;
    }

    /** The fields of /proc/pid/stat after the command name; [0] is the state, [1] the parent's pid. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // ended meanwhile
        }
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended meanwhile, or not readable
        }
        return 0;
    }

    private ProcessUsage() {
    }
}
