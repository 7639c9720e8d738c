package io.gillab.trial;

import io.gillab.model.Fork;
import io.gillab.driver.DriverOutput;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import io.gillab.runtime.Availability;
import io.gillab.runtime.DriverCall;
import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.PythonRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs trials one after another, each in its own process, and appends each result to results.jsonl
 * as soon as it ends. A trial that fails or times out costs that trial only: the run goes on.
 */
public final class TrialRunner {
    private static final int STDERR_KEEP_CHARS = 4000;

    private final Map<String, PythonRuntime> runtimes;
    private final Map<String, Availability> availability;
    private final List<Path> searchPaths;
    private final Duration timeout;
    private final ResultsFile results;
    private final String runId;
    private final Consumer<RunEvent> progress;
    private Presets.Target target;
    private boolean allowShadowing;

    public TrialRunner(Map<String, PythonRuntime> runtimes, Map<String, Availability> availability,
            List<Path> searchPaths, Duration timeout, ResultsFile results, String runId, Consumer<RunEvent> progress) {
        this.runtimes = runtimes;
        this.availability = availability;
        this.searchPaths = searchPaths;
        this.timeout = timeout;
        this.results = results;
        this.runId = runId;
        this.progress = progress;
    }

    /** Measure each workload until its intervals reach this target (null: the planned forks only). */
    public TrialRunner target(Presets.Target t) {
        this.target = t;
        return this;
    }

    /** Let a --path file replace a built-in of the same name (the driver refuses it otherwise). */
    public TrialRunner allowShadowing(boolean allow) {
        this.allowShadowing = allow;
        return this;
    }

    /** The driver's arguments, with the shadowing permission when the run gives it. */
    private List<String> args(List<String> driverArgs) {
        if (!allowShadowing) {
            return driverArgs;
        }
        List<String> all = new ArrayList<>(driverArgs);
        all.add("--allow-shadowing");
        return all;
    }

    public List<TrialResult> runAll(List<TrialSpec> specs) throws IOException {
        List<TrialResult> out = new ArrayList<>();
        // Probes already run, together with an earlier probe of their runtime (see runProbes).
        Map<TrialSpec, TrialResult> probed = new java.util.IdentityHashMap<>();
        int i = 0;
        for (TrialSpec spec : specs) {
            i++;
            if (spec.entry().isProbe() && !probed.containsKey(spec)) {
                List<TrialSpec> same = specs.subList(i - 1, specs.size()).stream()
                        .filter(s -> s.entry().isProbe() && s.runtime().equals(spec.runtime()) && !probed.containsKey(s))
                        .toList();
                List<TrialResult> results = runProbes(same);
                for (int k = 0; k < results.size(); k++) {
                    probed.put(same.get(k), results.get(k));
                }
            }
            TrialResult r = probed.containsKey(spec) ? probed.remove(spec) : runOne(spec);
            if (io.gillab.runtime.ProcessRunner.shuttingDown()) {
                // Interrupted, not failed: leave it out of results.jsonl so that --resume runs it again.
                progress.accept(new RunEvent.TrialStopped(spec.id()));
                break;
            }
            results.append(r);
            out.add(r);
            progress.accept(new RunEvent.TrialFinished(i, specs.size(), spec.id(), r.status(), summary(r)));
        }
        return out;
    }

    private static String summary(TrialResult r) {
        return switch (r.status()) {
            case ok -> (r.probe() != null ? "ok" : String.format("ok (%d samples, %.1f s)", r.samples().stream().filter(x -> !x.warmup()).count(),
                    r.wallSeconds())) + (r.message() == null ? "" : "; note: " + r.message());
            default -> r.status() + ": " + r.message();
        };
    }

    public TrialResult runOne(TrialSpec spec) {
        String startedAt = Instant.now().toString();
        Availability av = availability.get(spec.runtime());
        if (av == null || !av.available()) {
            return skipped(spec, startedAt, av == null ? "runtime not checked" : av.reason());
        }
        // Forks run one after another; later forks reuse the size the first one calibrated.
        List<TrialResult> forks = new ArrayList<>();
        Long calibrated = null;
        Presets.Target goal = spec.entry().isProbe() ? null : target;
        int planned = goal == null ? spec.forks() : Math.max(2, Math.min(spec.forks(), goal.maxForks()));
        int max = goal == null ? planned : goal.maxForks();
        TrialSpec forkSpec = spec;
        for (int f = 0; f < max; f++) {
            String forkStartedAt = f == 0 ? startedAt : Instant.now().toString();
            if (f >= planned) {
                TargetCheck check = TargetCheck.of(TrialOutcome.merge(forks), goal);
                if (check.reached()) {
                    break;
                }
                if (check.roundsHelp() && forkSpec.samples() * 2 <= goal.maxSamples()) {
                    forkSpec = forkSpec.withSamples(forkSpec.samples() * 2);
                }
            }
            ProcessOutput out;
            // Each fork gets its own layout (environment size, warm-up order), recorded with it.
            ForkLayout layout = spec.layout(f);
            try {
                out = runtimes.get(spec.runtime()).run(new DriverCall(args(forkSpec.driverArgs(calibrated, layout)),
                        searchPaths, layout == null ? java.util.Map.of() : layout.env()), timeout);
            } catch (IOException e) {
                forks.add(failedToStart(spec, forkStartedAt, e));
                break;
            }
            DriverOutput d = DriverOutput.parse(out.stdoutLines());
            TrialResult r = TrialOutcome.of(forkSpec, runId, forkStartedAt, out, d, timeout, f, av.reason());
            if (!spec.entry().isProbe()) {
                Fork ran = r.forks().get(0);
                r = r.toBuilder().forks(List.of(ran.toBuilder()
                        .layout(ForkLayout.record(f, layout, d.layout().orElse(null))).build())).build();
            }
            forks.add(r);
            if (r.status() != TrialResult.Status.ok) {
                break; // a failing fork would fail again; keep what was measured
            }
            calibrated = r.size();
        }
        TrialResult merged = forks.size() == 1 ? forks.get(0) : TrialOutcome.merge(forks);
        if (goal != null && merged.ok()) {
            merged = merged.withNote(TargetCheck.of(merged, goal).describe(forks.size(), max));
        }
        return merged;
    }

    /**
     * The probes of one runtime, run together: each is a behaviour check in a fresh interpreter, so they may
     * share a process where starting one is dear (a worker JVM: see {@link PythonRuntime#runProbes}). Each
     * result is the probe's own: its output, exit code, wall time (the first one's includes the process
     * start) and start time.
     */
    public List<TrialResult> runProbes(List<TrialSpec> probes) {
        Availability av = availability.get(probes.get(0).runtime());
        if (av == null || !av.available() || probes.size() == 1) {
            return probes.stream().map(this::runOne).toList();
        }
        Instant start = Instant.now();
        List<DriverCall> calls = probes.stream().map(p -> new DriverCall(args(p.driverArgs(null)), searchPaths)).toList();
        List<ProcessOutput> outs;
        try {
            outs = runtimes.get(probes.get(0).runtime()).runProbes(calls, timeout);
        } catch (IOException e) {
            return probes.stream().map(p -> failedToStart(p, start.toString(), e)).toList();
        }
        List<TrialResult> results = new ArrayList<>();
        Duration before = Duration.ZERO;
        for (int k = 0; k < probes.size(); k++) {
            ProcessOutput o = outs.get(k);
            results.add(TrialOutcome.of(probes.get(k), runId, start.plus(before).toString(), o,
                    DriverOutput.parse(o.stdoutLines()), timeout, 0, av.reason()));
            before = before.plus(o.wall());
        }
        return results;
    }

    private TrialResult skipped(TrialSpec spec, String startedAt, String reason) {
        return notRun(spec, startedAt, TrialResult.Status.skipped, reason);
    }

    private TrialResult failedToStart(TrialSpec spec, String startedAt, IOException e) {
        return notRun(spec, startedAt, TrialResult.Status.failed, "could not start the trial: " + e.getMessage());
    }

    /** A trial that never produced output: skipped, or its process or container could not start. */
    private TrialResult notRun(TrialSpec spec, String startedAt, TrialResult.Status status, String message) {
        return identity(spec, runId).size(spec.size()).status(status).message(message).startedAt(startedAt).build();
    }

    /** What ran: the trial's identity and shape, as its spec says. */
    static TrialResult.Builder identity(TrialSpec spec, String runId) {
        return TrialResult.builder().runId(runId).trial(spec.id()).runtime(spec.runtime()).name(spec.entry().name())
                .kind(spec.entry().kind()).group(spec.entry().group()).threadCounts(spec.threadCounts()).warmups(spec.warmups())
                .scalingMode(spec.scaling()).mode(spec.mode());
    }

    /** The driver's error for a --mode the implementation lacks. */
    static final String MODE_NOT_AVAILABLE = "ModeNotAvailable";

    /** Turns a finished process into a trial result: decides the status and the message. */
    static final class TrialOutcome {
        private TrialOutcome() {
        }

        static TrialResult of(TrialSpec spec, String runId, String startedAt, ProcessOutput out, DriverOutput d,
                Duration timeout, int fork) {
            return of(spec, runId, startedAt, out, d, timeout, fork, null);
        }

        /** @param availability what the runtime's availability check said (explains a GraalPy without JIT) */
        static TrialResult of(TrialSpec spec, String runId, String startedAt, ProcessOutput out, DriverOutput d,
                Duration timeout, int fork, String availability) {
            TrialResult.Status status;
            String message;
            long measured = d.samples().stream().filter(x -> !x.warmup()).count();
            // A thread the workload started itself and that died says so in its own record (stage "thread"),
            // never read from text on stderr, which a workload can print too.
            var threadDeath = d.errors().stream().filter(e -> "thread".equals(e.path("stage").asText())).findFirst()
                    .map(e -> e.path("exception").asText("Error") + ": " + e.path("message").asText("") + " (thread "
                            + e.path("thread").asText("?") + ")").orElse(null);
            var errors = d.errors().stream().filter(e -> !"thread".equals(e.path("stage").asText())).toList();
            if (out.timedOut()) {
                status = TrialResult.Status.timeout;
                message = "timed out: killed after " + timeout.toSeconds() + " s (the time limit; --timeout)"
                        + (fork > 0 ? " in process " + (fork + 1) : "");
            } else if (!errors.isEmpty() && MODE_NOT_AVAILABLE.equals(errors.get(0).path("exception").asText())) {
                // Not a failure: the implementation has no such way to run workers (Jython has no
                // multiprocessing); the report lists it as not available, with the driver's reason.
                status = TrialResult.Status.skipped;
                message = errors.get(0).path("message").asText("mode not available");
            } else if (!errors.isEmpty()) {
                status = TrialResult.Status.failed;
                message = DriverOutput.describeError(errors.get(0));
            } else if (!d.finished()) {
                status = TrialResult.Status.failed;
                message = whyUnfinished(out);
            } else if (threadDeath != null) {
                // A thread the workload started died: its share of the work is missing from the samples.
                status = TrialResult.Status.failed;
                message = "a workload thread died of an uncaught exception: " + threadDeath
                        + " (its work is missing from the samples)";
            } else if (!spec.entry().isProbe() && measured != spec.expectedSamples()) {
                status = TrialResult.Status.failed;
                message = "expected " + spec.expectedSamples() + " samples, the driver gave " + measured;
            } else if (spec.entry().isProbe() && d.probe().isEmpty()) {
                status = TrialResult.Status.failed;
                message = "the probe returned no result";
            } else {
                status = TrialResult.Status.ok;
                message = null;
            }
            if (out.droppedLines() > 0 || out.truncatedLines() > 0) {
                String note = "output over the limit: "
                        + (out.stdoutBytes() >= 0 ? String.format(java.util.Locale.ROOT, "%.1f MB on stdout, ",
                                out.stdoutBytes() / 1e6) : "")
                        + out.droppedLines() + " lines dropped, " + out.truncatedLines()
                        + " over-long lines cut (kept: every gillab record, the first 1000 other lines, 4 KiB each)";
                message = message == null ? note : message + "; " + note;
            }
            String noJit = jitMissing(spec, d, availability);
            if (noJit != null) {
                message = message == null ? noJit : message + "; " + noJit;
            }
            if (out.launch() != null && out.launch().get("error") != null && status != TrialResult.Status.ok
                    && (message == null || !message.contains(String.valueOf(out.launch().get("error"))))) {
                message = message + "; " + out.launch().get("error");
            }
            // The size the samples really used: given, or chosen by the driver's calibration.
            Long size = d.samples().isEmpty() ? spec.size() : Long.valueOf(d.samples().get(d.samples().size() - 1).size());
            double wall = out.wall().toNanos() / 1e9;
            Fork ran = Fork.builder().index(fork).startedAt(startedAt).wallSeconds(wall).exitCode(out.exitCode())
                    .launch(out.launch()).implementation(d.meta().orElse(null)).host(d.host().orElse(null))
                    .calibration(d.calibration().orElse(null)).errors(d.errors())
                    .otherOutputLines(d.otherLines() > 0 ? d.otherLines() : null)
                    .otherOutputExamples(d.otherExamples().isEmpty() ? null : d.otherExamples())
                    .stderrTail(status == TrialResult.Status.ok ? null : tail(out.stderrTail()))
                    .samples(d.samples()).build();
            return identity(spec, runId).size(size).status(status).message(message).startedAt(startedAt)
                    .wallSeconds(wall).probe(d.probe().map(p -> p.get("result")).orElse(null)).forks(List.of(ran))
                    .build();
        }

        /**
         * One trial from its forks' results: every fork that ran, each with its own metadata and samples, the
         * worst status, wall time added up.
         */
        static TrialResult merge(List<TrialResult> forks) {
            TrialResult first = forks.get(0);
            TrialResult worst = forks.stream().filter(r -> r.status() != TrialResult.Status.ok).findFirst()
                    .orElse(first);
            double wall = forks.stream().mapToDouble(r -> r.wallSeconds() == null ? 0 : r.wallSeconds()).sum();
            return first.toBuilder().status(worst.status()).message(worst.message()).wallSeconds(wall)
                    .forks(forks.stream().flatMap(r -> r.forks().stream()).toList()).build();
        }

        /** Why a process ended before the driver's end record, in words, with the cause when it is known. */
        static String whyUnfinished(ProcessOutput out) {
            String what = out.launch() != null && "container".equals(out.launch().get("kind")) ? "the container"
                    : "the process";
            if (out.killedBy() != null) {
                return "killed: " + out.killedBy() + "; " + what + " exited with code " + out.exitCode()
                        + " before the driver finished";
            }
            String stderr = out.stderrTail() == null ? "" : out.stderrTail();
            // -XX:+ExitOnOutOfMemoryError prints "Terminating due to java.lang.OutOfMemoryError: ..." on stdout.
            String oomText = stderr + "\n" + String.join("\n", out.stdoutLines().stream()
                    .filter(l -> l.contains("java.lang.OutOfMemoryError")).toList());
            int oom = oomText.lastIndexOf("java.lang.OutOfMemoryError");
            if (oom >= 0) {
                int eol = oomText.indexOf('\n', oom);
                String error = oomText.substring(oom, eol < 0 ? oomText.length() : eol).strip();
                Object heap = out.launch() == null ? null : out.launch().get("worker_heap");
                return "the worker JVM ran out of memory (" + error
                        + (heap != null ? "; worker heap -Xmx" + heap + ", set with -Dgillab.worker.heap" : "")
                        + "); exit code " + out.exitCode() + " before the driver finished";
            }
            String signal = signal(out.exitCode());
            if (signal != null) {
                return what + " was killed by " + signal + " (exit code " + out.exitCode()
                        + ") before the driver finished" + lastLine(stderr);
            }
            return what + " exited with code " + out.exitCode() + " before the driver finished" + lastLine(stderr);
        }

        /** Exit codes 129..159 mean "killed by signal (code - 128)" for a process and for a container. */
        static String signal(int exitCode) {
            if (exitCode <= 128 || exitCode >= 160) {
                return null;
            }
            int sig = exitCode - 128;
            String name = switch (sig) {
                case 1 -> "SIGHUP";
                case 2 -> "SIGINT";
                case 3 -> "SIGQUIT";
                case 4 -> "SIGILL";
                case 6 -> "SIGABRT (a crash: e.g. the JVM or the interpreter aborted)";
                case 7 -> "SIGBUS";
                case 8 -> "SIGFPE";
                case 9 -> "SIGKILL (from outside gillab, or the kernel's out-of-memory killer)";
                case 11 -> "SIGSEGV (the interpreter crashed: e.g. a C stack overflow)";
                case 13 -> "SIGPIPE";
                case 15 -> "SIGTERM";
                default -> "signal " + sig;
            };
            return name.startsWith("signal") ? name : "signal " + sig + " " + name;
        }

        /** A loud note when a runtime meant to run with the Graal JIT ran interpreter-only. */
        static String jitMissing(TrialSpec spec, DriverOutput d, String availability) {
            com.fasterxml.jackson.databind.JsonNode host = d.host().orElse(null);
            if (host == null || !"graalpy".equals(host.path("engine").asText()) || host.path("jit").asBoolean(true)
                    || spec.runtime().endsWith("-nojit")) {
                return null;
            }
            String why = availability != null && availability.contains("WITHOUT its JIT: ")
                    ? availability.substring(availability.indexOf("WITHOUT its JIT: ") + "WITHOUT its JIT: ".length())
                    : "the engine reports \"" + host.path("engine_implementation").asText() + "\" (JVMCI unavailable?)";
            return "JIT OFF: GraalPy ran interpreter-only, several times slower than with its JIT, so its times do "
                    + "not compare with JIT runs; why: " + why;
        }

        private static String lastLine(String stderr) {
            String s = stderr.strip();
            if (s.isEmpty()) {
                return "";
            }
            int nl = s.lastIndexOf('\n');
            return "; stderr: " + (nl >= 0 ? s.substring(nl + 1) : s);
        }

        private static String tail(String stderr) {
            String s = stderr.strip();
            return s.isEmpty() ? null : s.length() > STDERR_KEEP_CHARS ? s.substring(s.length() - STDERR_KEEP_CHARS) : s;
        }
    }
}
