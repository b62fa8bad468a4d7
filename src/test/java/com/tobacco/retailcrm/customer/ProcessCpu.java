package com.tobacco.retailcrm.customer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by a process, the benchmark's measure that other work on a shared machine barely moves (latency
 * there is mostly waiting for a core): this JVM's, and PostgreSQL's (the postmaster, its live backends and the
 * backends it has reaped), read from /proc.
 */
final class ProcessCpu {

    /** Clock ticks of /proc/<pid>/stat: 100 a second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** CPU time of this JVM so far (ns). */
    static long thisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the PostgreSQL server whose backend this is (ns), -1 where /proc cannot tell. */
    static long postgres(long backendPid) {
        try {
            long postmaster = Long.parseLong(stat(backendPid)[3]);
            String[] own = stat(postmaster);
            long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]);
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] f = stat(Long.parseLong(p.getFileName().toString()));
                        if (Long.parseLong(f[3]) == postmaster) {
                            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // a process that ended meanwhile: its time is in the postmaster's children's time
                    }
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of /proc/<pid>/stat from the state on (index 0 = pid, 3 = ppid, 13 = utime as in proc(5)). */
    private static String[] stat(long pid) throws IOException {
        return stat(Path.of("/proc/" + pid + "/stat"), pid);
    }

    private static String[] stat(Path file, long pid) throws IOException {
        String s = Files.readString(file);
        int close = s.lastIndexOf(')');
        String[] rest = s.substring(close + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = String.valueOf(pid);
        fields[1] = "comm";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    /** Kinds of this JVM's threads, by their names in /proc: what the server's CPU went to. */
    static final List<String> KINDS = List.of("requests", "import reader", "import writers", "JIT", "GC", "other",
            "ended threads");

    /** CPU time (ns) of this JVM's threads by {@link #KINDS}, read from /proc/self/task; empty where it cannot tell. */
    static Map<String, Long> thisJvmByKind() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        KINDS.forEach(k -> byKind.put(k, 0L));
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String[] f = stat(Path.of(task.toString(), "stat"), Long.parseLong(task.getFileName().toString()));
                    byKind.merge(kind(name), (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        // the process's time includes its ended threads' (an import's writers end with it), which /proc/self/task lacks
        long live = byKind.values().stream().mapToLong(Long::longValue).sum();
        byKind.put("ended threads", Math.max(0, thisJvm() - live));
        return byKind;
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return "requests";
        }
        if (threadName.startsWith("customer-import")) {
            return "import reader";
        }
        if (threadName.startsWith("import-writer")) {
            return "import writers";
        }
        if (threadName.contains("Compiler")) {
            return "JIT";
        }
        if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return "GC";
        }
        return "other";
    }

    /** {@code after - before} per kind, in ms per request. */
    static String perRequest(Map<String, Long> before, Map<String, Long> after, int requests) {
        if (before.isEmpty() || after.isEmpty() || requests == 0) {
            return "?";
        }
        StringBuilder sb = new StringBuilder();
        for (String k : KINDS) {
            sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f",
                    (after.get(k) - before.get(k)) / 1e6 / requests));
        }
        return sb.toString();
    }

    /** {this JVM's ns, PostgreSQL's ns} now. */
    static long[] sample(long backendPid) {
        return new long[] {thisJvm(), postgres(backendPid)};
    }

    /** {this JVM's ns, PostgreSQL's ns} from {@code start} to now (PostgreSQL's -1 where /proc cannot tell). */
    static long[] since(long[] start, long backendPid) {
        long[] end = sample(backendPid);
        return new long[] {end[0] - start[0], end[1] < 0 || start[1] < 0 ? -1 : end[1] - start[1]};
    }
}
