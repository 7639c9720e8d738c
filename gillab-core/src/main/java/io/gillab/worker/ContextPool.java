package io.gillab.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * GraalPy's way around its GIL ({@code --mode contexts}): N Contexts sharing one Engine (so compiled code
 * is shared), each bound to its own Java thread and running one copy of the workload single-threaded.
 * A GraalPy GIL belongs to a Context, so the N workers run in parallel.
 */
final class ContextPool implements AutoCloseable {

    /** Makes the pool for a scripts directory; the builder supplier gives each worker Context its settings. */
    interface Factory {
        ContextPool create(String scriptsDir);
    }

    /** One sample: wall and CPU seconds, each worker's error (null: none), the wait for an idle JIT (or null). */
    record Timing(double seconds, double cpuSeconds, List<String> errors, JitQuiet.Wait jit) {
    }

    private final Supplier<Context.Builder> builders;
    private final String scriptsDir;
    private final List<Worker> workers = new ArrayList<>();
    private String name;
    private String path;

    ContextPool(Supplier<Context.Builder> builders, String scriptsDir) {
        this.builders = builders;
        this.scriptsDir = scriptsDir;
    }

    private static final class Worker {
        final ExecutorService thread;
        Context context;
        Value modes;

        Worker(int index) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "gillab-context-" + index);
                t.setDaemon(true);
                return t;
            });
        }

        <T> T call(Callable<T> task) {
            try {
                return thread.submit(task).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Grows the pool to {@code count} workers, each with the workload loaded; null or a load error (JSON). */
    String prepare(String workloadName, String workloadPath, int count) {
        if (name != null && (!name.equals(workloadName) || !path.equals(workloadPath))) {
            throw new IllegalStateException("the Contexts already run " + name);
        }
        name = workloadName;
        path = workloadPath;
        while (workers.size() < count) {
            Worker w = new Worker(workers.size());
            workers.add(w);
            String err = w.call(() -> {
                w.context = builders.get().build();
                String boot = "import sys\nsys.path.insert(0, " + pyString(scriptsDir) + ")\n"
                        + "import gillab_modes\ngillab_modes\n";
                w.modes = w.context.eval(Source.newBuilder("python", boot, "gillab-context-boot.py").build());
                w.modes.invokeMember("worker_setup", scriptsDir);
                Value e = w.modes.invokeMember("worker_load", workloadName, workloadPath);
                return e.isNull() ? null : e.asString();
            });
            if (err != null) {
                return err;
            }
        }
        return null;
    }

    /**
     * One sample on the first {@code sizes.length} workers, released together once they are ready and the
     * JIT compilers are idle (at most {@code jitWaitSeconds}, 0: no wait, see {@link JitQuiet}); timed with
     * nanoTime.
     */
    Timing sample(long[] sizes, DoubleSupplier cpu, double jitWaitSeconds) {
        int n = sizes.length;
        if (n > workers.size()) {
            throw new IllegalStateException(n + " workers asked, " + workers.size() + " prepared");
        }
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(n);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Worker w = workers.get(i);
            long size = sizes[i];
            running.add(w.thread.submit(() -> {
                try {
                    w.modes.invokeMember("worker_prepare");
                    ready.countDown();
                    go.await();
                    w.modes.invokeMember("worker_run", size);
                } finally {
                    ready.countDown(); // harmless when already counted: a failed prepare must not hang us
                    done.countDown();
                }
                return null;
            }));
        }
        JitQuiet.Wait jit;
        double c0;
        long t0;
        long t1;
        double c1;
        try {
            ready.await();
            jit = jitWaitSeconds > 0 ? JitQuiet.awaitIdle(jitWaitSeconds) : null;
            c0 = cpu.getAsDouble();
            t0 = System.nanoTime();
            go.countDown();
            done.await();
            t1 = System.nanoTime();
            c1 = cpu.getAsDouble();
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Worker w = workers.get(i);
            long size = sizes[i];
            errors.add(w.call(() -> {
                Value e = w.modes.invokeMember("worker_finish", size);
                return e.isNull() ? null : e.asString();
            }));
        }
        return new Timing((t1 - t0) / 1e9, c0 < 0 ? -1 : c1 - c0, errors, jit);
    }

    /**
     * Stops the worker threads. The Contexts are not closed: close() would wait for any Python thread a
     * workload left behind, and the worker JVM exits right after the driver anyway.
     */
    @Override
    public void close() {
        for (Worker w : workers) {
            w.thread.shutdownNow();
        }
        workers.clear();
    }

    static String pyString(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '\'') {
                b.append('\\');
            }
            if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
