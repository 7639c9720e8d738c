package io.gillab.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one trial process to completion or to its time limit, whichever comes first. At the limit the
 * process and all its descendants are killed, so a hung script never outlives its trial.
 */
public final class ProcessRunner {
    static final int STDERR_TAIL_BYTES = 16 * 1024;

    /** Trial processes still running: killed if gillab itself is stopped (Ctrl-C, SIGTERM). */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true; // first: no new trial starts, no interrupted trial is recorded
            LIVE.forEach(ProcessRunner::killTree);
        }, "gillab-kill-trials"));
    }

    /** True once gillab is being stopped (Ctrl-C, SIGTERM): what a trial saw since is not a result. */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    private ProcessRunner() {
    }

    public static ProcessOutput run(List<String> command, Map<String, String> env, Path workDir, Duration timeout)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ProcessGroup.leader(command));
        builder.environment().putAll(env);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        long start = System.nanoTime();
        Process process = start(builder);
        try {
            return collect(command, timeout, start, process);
        } finally {
            LIVE.remove(process);
        }
    }

    /** Starts a trial process with no standard input, registered so that a stopping gillab kills it. */
    private static Process start(ProcessBuilder builder) throws IOException {
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (shuttingDown) {
            throw new IOException("gillab is stopping");
        }
        Process process = builder.start();
        LIVE.add(process);
        return process;
    }

    /**
     * After the wait: kills a process that is still running (at its time limit), ends whatever it left in its
     * process group (children hold its pipes: the output is not complete before they are gone), then drains
     * its output.
     *
     * @return how many processes the trial left running after its own process ended (0 after a kill)
     */
    private static int finish(Process process, boolean finished, Thread outPump, Thread errPump) {
        int left = finished ? ProcessGroup.end(process.pid()) : 0;
        if (!finished) {
            killTree(process);
        }
        join(outPump);
        join(errPump);
        return left;
    }

    private static IOException interrupted(Process process, List<String> command, InterruptedException e) {
        killTree(process);
        Thread.currentThread().interrupt();
        return new IOException("interrupted while waiting for " + command.get(0), e);
    }

    /**
     * Runs a batch worker: one process that runs {@code calls} driver calls one after another, each framed by
     * {@link BoundedLineReader.BatchMark} lines (see {@code io.gillab.worker.WorkerMain --batch}). The time
     * limit applies to each call: it restarts whenever a call starts. Returns one output per call that started,
     * in order: a call that ended with its process (a crash, {@code os._exit}, the time limit) is the last one
     * returned, and the calls after it did not run. When no call started at all (the JVM did not come up), the
     * process's output is returned as the first call's. The first call's wall time includes the process start.
     */
    public static List<ProcessOutput> runBatch(List<String> command, Duration timeout, int calls) throws IOException {
        long start = System.nanoTime();
        Process process = start(new ProcessBuilder(ProcessGroup.leader(command)));
        try {
            BoundedLineReader stdout = new BoundedLineReader();
            SegmentedTail stderr = new SegmentedTail(STDERR_TAIL_BYTES);
            Thread outPump = pump("stdout", () -> stdout.readAll(process.getInputStream()));
            Thread errPump = pump("stderr", () -> stderr.readAll(process.getErrorStream()));
            long deadline = start + timeout.toNanos();
            long starts = 0;
            boolean finished = false;
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    if (process.waitFor(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100), TimeUnit.MILLISECONDS)) {
                        finished = true;
                        break;
                    }
                    long now = stdout.marks().stream().filter(BoundedLineReader.BatchMark::start).count();
                    if (now > starts) {
                        starts = now;
                        deadline = System.nanoTime() + timeout.toNanos();
                    }
                }
            } catch (InterruptedException e) {
                throw interrupted(process, command, e);
            }
            finish(process, finished, outPump, errPump);
            long end = System.nanoTime();
            int exit = finished ? process.exitValue() : -1;
            return BatchSplit.split(command.get(0), calls, start, end, exit, !finished, stdout, stderr);
        } finally {
            LIVE.remove(process);
        }
    }

    private static ProcessOutput collect(List<String> command, Duration timeout, long start, Process process)
            throws IOException {
        BoundedLineReader stdout = new BoundedLineReader();
        TailBuffer stderr = new TailBuffer(STDERR_TAIL_BYTES);
        Thread outPump = pump("stdout", () -> stdout.readAll(process.getInputStream()));
        Thread errPump = pump("stderr", () -> stderr.readAll(process.getErrorStream()));
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw interrupted(process, command, e);
        }
        int left = finish(process, finished, outPump, errPump);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        int exit = finished ? process.exitValue() : -1;
        Map<String, Object> launch = new java.util.LinkedHashMap<>();
        launch.put("kind", "process");
        launch.put("command", command.get(0));
        if (left > 0) {
            // the workload started processes and did not wait for them: gillab ended them (see ProcessGroup)
            launch.put("left_processes", left);
        }
        if (stdout.firstResultNanos() > 0) {
            launch.put("first_result_seconds", (stdout.firstResultNanos() - start) / 1e9);
        }
        return new ProcessOutput(exit, !finished, stdout.lines(), stdout.dropped(), stdout.truncated(),
                stderr.text(), wall, launch, stdout.totalBytes(), null);
    }

    /**
     * Kills the process and everything it started (a worker JVM's threads die with it), orphans in its process
     * group included.
     */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessGroup.end(process.pid());
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static Thread pump(String name, IoAction action) {
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (IOException ignored) {
                // The stream closes when the process is killed; what was read is kept.
            }
        }, "gillab-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            // A grandchild that inherited the pipe could keep it open; do not wait for it forever.
            t.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the last N bytes of a stream. */
    public static final class TailBuffer {
        private final byte[] ring;
        private long total;

        public TailBuffer(int size) {
            ring = new byte[size];
        }

        void readAll(InputStream in) throws IOException {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                accept(buf, n);
            }
        }

        public synchronized void accept(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) (total++ % ring.length)] = buf[i];
            }
        }

        synchronized void put(byte b) {
            ring[(int) (total++ % ring.length)] = b;
        }

        public synchronized String text() {
            int len = (int) Math.min(total, ring.length);
            byte[] out = new byte[len];
            long from = total - len;
            for (int i = 0; i < len; i++) {
                out[i] = ring[(int) ((from + i) % ring.length)];
            }
            return new String(out, StandardCharsets.UTF_8);
        }
    }
}
