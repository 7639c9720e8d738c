package io.gillab.worker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Waits, just before a timed sample, until the worker JVM's JIT compilers are idle, so that the compiler's
 * backlog does not share the cores with the workload being timed.
 *
 * <p>Why: the Graal compiler that Truffle uses here is Java code (jargraal), itself compiled by C2, and it
 * works through a long queue of the harness's own code (driver, json, stdlib) for minutes. On 2 cores a
 * busy Truffle compiler thread plus a C2 thread leave two GraalPy Contexts about one core between them:
 * measured here, {@code --mode contexts} gave 1.29-1.62x at 2 workers with the compilers running and
 * 1.87-1.97x once each sample waited for them (cpu/wall then reads ~1 at one worker, ~2 at two). Code the
 * workload itself makes hot is still compiled inside the timed interval: that is warm-up, and shows.
 *
 * <p>A look lasts {@value #WINDOW_MILLIS} ms; the compilers are idle when, over one look, the compiler
 * threads Java can see (Truffle's) used less than a tenth of it and the HotSpot compiler threads (C1, C2,
 * hidden from {@link ThreadMXBean}; read from {@code /proc/self/task}, in 10 ms clock ticks) at most one
 * tick. Without {@code /proc} only the Java-visible threads are watched.
 */
public final class JitQuiet {
    /** One look: long enough for /proc's 10 ms ticks to tell a busy thread from an idle one. */
    static final long WINDOW_MILLIS = 30;
    /** Thread names of the compilers: Truffle's compiler threads; HotSpot's (names cut to 15 characters). */
    static final List<String> COMPILER_THREADS = List.of("TruffleCompilerThread", "C1 CompilerThre",
            "C2 CompilerThre", "JVMCI");

    /** How long the wait took, and whether the compilers were idle at its end (false: the limit ran out). */
    public record Wait(double seconds, boolean quiet) {
        /**
         * {@code "SECONDS BUSY"} (e.g. {@code "0.030000 0"}, busy 1 when the limit ran out): what the driver reads
         * before each sample. Plain text, not JSON: on GraalPy every line of Python the driver runs per sample is
         * code the JIT compiles sometime, and a JSON parse is many lines.
         */
        public String text() {
            return String.format(Locale.ROOT, "%.6f %d", seconds, quiet ? 0 : 1);
        }
    }

    private final List<String> prefixes;
    private final Path tasks;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    JitQuiet(List<String> prefixes, Path tasks) {
        this.prefixes = prefixes;
        this.tasks = tasks;
    }

    /** For the driver on Jython ({@code from io.gillab.worker import JitQuiet}): {@link Wait#text()}. */
    public static String awaitIdleText(double maxSeconds) {
        return awaitIdle(maxSeconds).text();
    }

    /** Waits until this JVM's JIT compilers are idle, or {@code maxSeconds} (0: one look) have passed. */
    public static Wait awaitIdle(double maxSeconds) {
        return new JitQuiet(COMPILER_THREADS, Path.of("/proc/self/task")).await(maxSeconds);
    }

    Wait await(double maxSeconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (Math.max(0, maxSeconds) * 1e9);
        Activity before = read();
        while (true) {
            try {
                Thread.sleep(WINDOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Wait((System.nanoTime() - start) / 1e9, false);
            }
            Activity now = read();
            boolean quiet = now.javaNanos - before.javaNanos < WINDOW_MILLIS * 100_000L
                    && now.procTicks - before.procTicks <= 1;
            long t = System.nanoTime();
            if (quiet || t >= deadline) {
                return new Wait((t - start) / 1e9, quiet);
            }
            before = now;
        }
    }

    /** CPU time so far of the compiler threads: by ThreadMXBean in ns (Java-visible ones), by /proc in clock ticks (all). */
    private record Activity(long javaNanos, long procTicks) {
    }

    private Activity read() {
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isCompiler(info.getThreadName())) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return new Activity(nanos, procTicks());
    }

    /** Clock ticks of every compiler thread /proc shows (Truffle's too: idle must hold by both counts). */
    private long procTicks() {
        return procCompilerThreads().stream().mapToLong(ProcThread::ticks).sum();
    }

    /** The names of the threads this wait watches, as /proc shows them (for tests and diagnostics). */
    List<String> watchedProcThreads() {
        return procCompilerThreads().stream().map(ProcThread::name).sorted().toList();
    }

    /** A thread as {@code /proc/self/task/TID/stat} shows it: its name and its CPU time in clock ticks. */
    private record ProcThread(String name, long ticks) {
    }

    /** The compiler threads in {@code /proc}; empty where there is no /proc. */
    private List<ProcThread> procCompilerThreads() {
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        List<ProcThread> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                ProcThread t = procThread(task.resolve("stat"));
                if (t != null && isCompiler(t.name())) {
                    found.add(t);
                }
            }
        } catch (IOException | RuntimeException e) {
            return found;
        }
        return found;
    }

    private static ProcThread procThread(Path stat) {
        try {
            // "tid (name) state ppid ...": the name may hold spaces and parentheses, so split at the last ')'
            String line = Files.readString(stat);
            int close = line.lastIndexOf(')');
            String name = line.substring(line.indexOf('(') + 1, close);
            String[] f = line.substring(close + 2).split(" ");
            return new ProcThread(name, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime + stime
        } catch (IOException | RuntimeException e) {
            return null; // the thread ended between the listing and the read
        }
    }

    private boolean isCompiler(String name) {
        for (String p : prefixes) {
            String cut = p.length() > 15 ? p.substring(0, 15) : p;
            if (name.startsWith(p) || (name.length() <= 15 && name.startsWith(cut))) {
                return true;
            }
        }
        return false;
    }
}
