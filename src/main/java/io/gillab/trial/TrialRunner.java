package io.gillab.trial;

import io.gillab.driver.DriverOutput;
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
    private final Consumer<String> progress;

    public TrialRunner(Map<String, PythonRuntime> runtimes, Map<String, Availability> availability,
            List<Path> searchPaths, Duration timeout, ResultsFile results, String runId, Consumer<String> progress) {
        this.runtimes = runtimes;
        this.availability = availability;
        this.searchPaths = searchPaths;
        this.timeout = timeout;
        this.results = results;
        this.runId = runId;
        this.progress = progress;
    }

    public List<TrialResult> runAll(List<TrialSpec> specs) throws IOException {
        List<TrialResult> out = new ArrayList<>();
        int i = 0;
        for (TrialSpec spec : specs) {
            i++;
            TrialResult r = runOne(spec);
            if (io.gillab.runtime.ProcessRunner.shuttingDown()) {
                // Interrupted, not failed: leave it out of results.jsonl so that --resume runs it again.
                progress.accept("stopped: " + spec.id() + " was interrupted and is not recorded");
                break;
            }
            results.append(r);
            out.add(r);
            progress.accept(String.format("[%d/%d] %-32s %s", i, specs.size(), spec.id(), summary(r)));
        }
        return out;
    }

    private static String summary(TrialResult r) {
        return switch (r.status()) {
            case ok -> r.probe() != null ? "ok" : String.format("ok (%d samples, %.1f s)", r.samples().stream().filter(x -> !x.warmup()).count(),
                    r.wallSeconds());
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
        for (int f = 0; f < spec.forks(); f++) {
            ProcessOutput out;
            try {
                out = runtimes.get(spec.runtime()).run(new DriverCall(spec.driverArgs(calibrated), searchPaths),
                        timeout);
            } catch (IOException e) {
                forks.add(failedToStart(spec, startedAt, e));
                break;
            }
            TrialResult r = TrialOutcome.of(spec, runId, startedAt, out, DriverOutput.parse(out.stdoutLines()), timeout,
                    f);
            forks.add(r);
            if (r.status() != TrialResult.Status.ok) {
                break; // a failing fork would fail again; keep what was measured
            }
            calibrated = r.size();
        }
        return forks.size() == 1 ? forks.get(0) : TrialOutcome.merge(forks);
    }

    private TrialResult skipped(TrialSpec spec, String startedAt, String reason) {
        return notRun(spec, startedAt, TrialResult.Status.skipped, reason);
    }

    private TrialResult failedToStart(TrialSpec spec, String startedAt, IOException e) {
        return notRun(spec, startedAt, TrialResult.Status.failed, "could not start the trial: " + e.getMessage());
    }

    /** A trial that never produced output: skipped, or its process or container could not start. */
    private TrialResult notRun(TrialSpec spec, String startedAt, TrialResult.Status status, String message) {
        return new TrialResult(TrialResult.SCHEMA, runId, spec.id(), spec.runtime(), spec.entry().name(),
                spec.entry().kind(), spec.threadCounts(), spec.size(), spec.warmups(), spec.scaling(), spec.mode(), status, message,
                startedAt,
                null, null, null, null, null, null, List.of(), 0, null, List.of(), null, null, null);
    }

    /** Turns a finished process into a trial result: decides the status and the message. */
    static final class TrialOutcome {
        private TrialOutcome() {
        }

        static TrialResult of(TrialSpec spec, String runId, String startedAt, ProcessOutput out, DriverOutput d,
                Duration timeout, int fork) {
            TrialResult.Status status;
            String message;
            long measured = d.samples().stream().filter(x -> !x.warmup()).count();
            if (out.timedOut()) {
                status = TrialResult.Status.timeout;
                message = "timed out: killed after " + timeout.toSeconds() + " s (the time limit; --timeout)"
                        + (fork > 0 ? " in process " + (fork + 1) : "");
            } else if (!d.errors().isEmpty()) {
                status = TrialResult.Status.failed;
                message = DriverOutput.describeError(d.errors().get(0));
            } else if (!d.finished()) {
                status = TrialResult.Status.failed;
                message = "the process exited with code " + out.exitCode() + " before the driver finished"
                        + lastLine(out.stderrTail());
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
                String note = "output over the limit: " + out.droppedLines() + " lines dropped, "
                        + out.truncatedLines() + " over-long lines cut";
                message = message == null ? note : message + "; " + note;
            }
            // The size the samples really used: given, or chosen by the driver's calibration.
            Long size = d.samples().isEmpty() ? spec.size() : Long.valueOf(d.samples().get(d.samples().size() - 1).size());
            return new TrialResult(TrialResult.SCHEMA, runId, spec.id(), spec.runtime(), spec.entry().name(),
                    spec.entry().kind(), spec.threadCounts(), size, spec.warmups(), spec.scaling(), spec.mode(), status, message, startedAt,
                    out.wall().toNanos() / 1e9, out.exitCode(), out.launch(), d.meta().orElse(null), d.host().orElse(null),
                    d.calibration().orElse(null), d.samples().stream().map(x -> x.withFork(fork)).toList(), 1, d.probe().map(p -> p.get("result")).orElse(null), d.errors(),
                    d.otherLines() > 0 ? d.otherLines() : null, d.otherExamples().isEmpty() ? null : d.otherExamples(),
                    status == TrialResult.Status.ok ? null : tail(out.stderrTail()));
        }

        /**
         * One trial from its forks: samples of every fork (each marked with its fork), the first fork's
         * metadata, the worst status, wall time added up.
         */
        static TrialResult merge(List<TrialResult> forks) {
            TrialResult first = forks.get(0);
            TrialResult worst = forks.stream().filter(r -> r.status() != TrialResult.Status.ok).findFirst()
                    .orElse(first);
            List<DriverOutput.Sample> samples = forks.stream().flatMap(r -> r.samples().stream()).toList();
            double wall = forks.stream().mapToDouble(r -> r.wallSeconds() == null ? 0 : r.wallSeconds()).sum();
            return new TrialResult(first.schema(), first.runId(), first.trial(), first.runtime(), first.name(),
                    first.kind(), first.threadCounts(), first.size(), first.warmups(), first.scalingMode(), first.mode(), worst.status(),
                    worst.message(),
                    first.startedAt(), wall, worst.exitCode(), first.launch(), first.implementation(), first.host(),
                    first.calibration(), samples, forks.size(), first.probe(), worst.errors(), worst.otherOutputLines(),
                    worst.otherOutputExamples(), worst.stderrTail());
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
