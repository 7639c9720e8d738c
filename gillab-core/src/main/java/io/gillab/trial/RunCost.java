package io.gillab.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.driver.DriverOutput;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run's time went, per runtime: its trials' wall time split into measured samples, warm-up samples,
 * calibration runs and waits for idle JIT compilers (all timed inside Python or the worker), process start-up
 * (process, JVM or container, interpreter, driver and module load: the time to the first sample or probe
 * answer, less the work before it), and the rest (gc.collect and thread start around each sample, checks,
 * output, process exit, container removal). Efficiency is measured samples over the run's wall time: what
 * share of the time measured anything.
 */
public record RunCost(Map<String, Part> perRuntime, Part all, double runWallSeconds) {

    /** One runtime's trials (or all of them), split. Seconds; start-up is NaN where no trial recorded it. */
    public record Part(int trials, int processes, double wall, double measured, double warmup, double calibration,
            double jitWait, double startup) {
        static final Part ZERO = new Part(0, 0, 0, 0, 0, 0, 0, 0);

        static Part of(TrialResult r) {
            double wall = r.wallSeconds() == null ? 0 : r.wallSeconds();
            int processes = Math.max(1, r.forkCount());
            double measured = 0;
            double warm = 0;
            double jit = 0;
            List<Sample> samples = r.samples() == null ? List.of() : r.samples();
            for (Sample s : samples) {
                if (Double.isFinite(s.seconds())) {
                    if (s.warmup()) {
                        warm += s.seconds();
                    } else {
                        measured += s.seconds();
                    }
                }
                if (s.jitWaitSeconds() != null && Double.isFinite(s.jitWaitSeconds())) {
                    jit += s.jitWaitSeconds();
                }
            }
            double[] cal = calibration(r.calibration());
            // A probe that shared a batch worker with earlier probes had no start-up of its own.
            Object batch = r.launch() == null ? null : r.launch().get("batch");
            boolean ownStart = !(batch instanceof Map<?, ?> b) || Boolean.TRUE.equals(b.get("process_start_included"));
            double startup = 0;
            Object first = r.launch() == null ? null : r.launch().get("first_result_seconds");
            if (ownStart && first instanceof Number n) {
                double before = cal[1] + (samples.isEmpty() ? 0 : samples.get(0).seconds());
                // gillab records it for a trial's first process; later forks start alike.
                startup = Math.max(0, n.doubleValue() - before) * processes;
            }
            return new Part(1, ownStart ? processes : 0, wall, measured, warm, cal[0], jit, startup);
        }

        /**
         * {total seconds of every calibration run, seconds of the first calibration's runs}. The first
         * calibration (before any sample) ends at its first run reaching min_time; a second one (after the
         * warm-ups, when a JIT sped up) appends to the same list.
         */
        static double[] calibration(JsonNode cal) {
            if (cal == null || !cal.path("runs").isArray()) {
                return new double[] {0, 0};
            }
            double minTime = cal.path("min_time").asDouble(Double.POSITIVE_INFINITY);
            double total = 0;
            double first = 0;
            boolean firstDone = false;
            for (JsonNode run : cal.get("runs")) {
                double s = run.path(1).asDouble(0);
                total += s;
                if (!firstDone) {
                    first += s;
                    firstDone = s >= minTime;
                }
            }
            return new double[] {total, first};
        }

        Part plus(Part o) {
            return new Part(trials + o.trials, processes + o.processes, wall + o.wall, measured + o.measured,
                    warmup + o.warmup, calibration + o.calibration, jitWait + o.jitWait, startup + o.startup);
        }

        public double rest() {
            return wall - measured - warmup - calibration - jitWait - startup;
        }

        ObjectNode toJson() {
            ObjectNode o = ResultsFile.json().createObjectNode();
            o.put("trials", trials).put("processes", processes).put("wall_seconds", wall)
                    .put("measured_seconds", measured).put("warmup_seconds", warmup)
                    .put("calibration_seconds", calibration).put("jit_wait_seconds", jitWait)
                    .put("startup_seconds", startup).put("rest_seconds", rest())
                    .put("measured_share_of_trials", wall > 0 ? measured / wall : 0);
            return o;
        }
    }

    /** The split of these trials (skipped ones, which never started, count for nothing). */
    public static RunCost of(List<TrialResult> results, double runWallSeconds) {
        Map<String, Part> per = new LinkedHashMap<>();
        for (TrialResult r : results) {
            if (r.wallSeconds() != null) {
                per.merge(r.runtime(), Part.of(r), Part::plus);
            }
        }
        Part all = per.values().stream().reduce(Part.ZERO, Part::plus);
        return new RunCost(per, all, runWallSeconds);
    }

    /** Measured samples over the run's wall time. */
    public double efficiency() {
        return runWallSeconds > 0 ? all.measured() / runWallSeconds : 0;
    }

    /** Run wall time not inside any trial: availability checks, the catalogue, result and report writing. */
    public double outsideTrials() {
        return runWallSeconds - all.wall();
    }

    /** The run's last line: its time and its efficiency. */
    public String summaryLine() {
        long s = Math.round(runWallSeconds);
        return String.format(Locale.ROOT, "run time %d min %02d s; %.0f%% of it measured samples (%.1f s); "
                + "warm-up %.0f%%, calibration %.0f%%, JIT wait %.0f%%, start-up %.0f%%, other %.0f%%",
                s / 60, s % 60, 100 * efficiency(), all.measured(), pct(all.warmup()), pct(all.calibration()),
                pct(all.jitWait()), pct(all.startup()), pct(all.rest() + outsideTrials()));
    }

    private double pct(double seconds) {
        return runWallSeconds > 0 ? 100 * seconds / runWallSeconds : 0;
    }

    /** The columns of {@link #rows()}. */
    public static final List<String> HEADER = List.of("runtime", "trials", "processes", "wall s", "measured",
            "warm-up", "calibration", "JIT wait", "start-up", "rest", "measured/wall");

    /** A table's rows, one per runtime and one for all trials, in seconds. */
    public List<List<String>> rows() {
        List<List<String>> rows = new java.util.ArrayList<>();
        perRuntime.forEach((rt, p) -> rows.add(cells(rt, p)));
        rows.add(cells("all trials", all));
        return rows;
    }

    /** What the table does not show: the run's wall time outside the trials, and the efficiency. */
    public String footer() {
        return String.format(Locale.ROOT, "run wall %.1f s = trials %.1f s + outside trials %.1f s "
                + "(availability checks, catalogue, reports); efficiency (measured / run wall) %.0f%%",
                runWallSeconds, all.wall(), outsideTrials(), 100 * efficiency());
    }

    private static List<String> cells(String label, Part p) {
        return List.of(label, Integer.toString(p.trials()), Integer.toString(p.processes()), f(p.wall()),
                f(p.measured()), f(p.warmup()), f(p.calibration()), f(p.jitWait()), f(p.startup()), f(p.rest()),
                p.wall() > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * p.measured() / p.wall()) : "-");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public ObjectNode toJson() {
        ObjectNode o = ResultsFile.json().createObjectNode();
        o.put("run_wall_seconds", runWallSeconds).put("trials_wall_seconds", all.wall())
                .put("outside_trials_seconds", outsideTrials()).put("efficiency", efficiency());
        ObjectNode per = o.putObject("per_runtime");
        perRuntime.forEach((rt, p) -> per.set(rt, p.toJson()));
        o.set("all_trials", all.toJson());
        return o;
    }
}
