package io.gillab.report;

import io.gillab.model.TrialResult;
import io.gillab.stats.Scaling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scaling matrix shared by report.html, report.md and results.csv: one row per workload that scales
 * (the catalogue's "scaling pattern" group first, then every other workload measured at two or more
 * thread counts), one column per runtime (and mode), each cell the speedup at the largest thread count
 * that trial measured, with its 95% CI, placed on a scale from serialised (about 1x) to parallel (about
 * the ideal: N threads, or the cores when fewer). Probes and mixed workloads (the convoy) have no speedup
 * and no row.
 *
 * @param columns series labels ({@link ReportModel#seriesLabel}) in the order the results name them
 */
record ScalingMatrix(List<String> columns, List<Row> rows) {

    /** The catalogue group whose workloads lead the matrix. */
    static final String SCALING_PATTERN = "scaling pattern";

    /**
     * Where a speedup lies between serialised and parallel, by position (speedup - 1) / (ideal - 1): below
     * {@value #SLOWER_BELOW}x the threads made it slower (for a cell: its whole 95% interval below); under a
     * quarter of the way, serialised; from three quarters on, parallel; partial between.
     */
    enum Band {
        SLOWER("slower", "more threads were slower than one, the whole 95% CI below 0.9x (contention costs more "
                + "than it shares)"),
        SERIALISED("serialised", "about 1x: the threads ran one at a time (under 1/4 of the way to the ideal)"),
        PARTIAL("partial", "between 1/4 and 3/4 of the way from 1x to the ideal"),
        PARALLEL("parallel", "about the ideal: at least 3/4 of the way from 1x to N (or the cores, when fewer)");

        final String label;
        final String meaning;

        Band(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        String cssClass() {
            return "sm-" + label;
        }
    }

    static final double SLOWER_BELOW = 0.9;

    /**
     * One cell. Measured: {@code scaling} is set, with its thread count and the ideal it is coloured against.
     * Otherwise {@code empty} says why there is no speedup ("not measured", "failed", "1 thread only", ...)
     * and {@code detail} the trial's message.
     */
    record Cell(TrialResult trial, Scaling scaling, int ideal, Band band, String empty, String detail) {
        boolean measured() {
            return scaling != null;
        }

        /** 0 at 1x, 1 at the ideal, clamped: the colour's position. */
        double position() {
            return ScalingMatrix.position(scaling.speedup(), ideal);
        }

        /** "3.85x [3.61, 3.97]". */
        String speedup() {
            return Fmt.speedup(scaling.speedup(), scaling.ciLow(), scaling.ciHigh());
        }

        /** "at 4 threads, parallel" (with "ideal 2: 2 cores" when the cores cap it). */
        String note() {
            String where = "at " + scaling.threads() + " threads";
            if (ideal < scaling.threads()) {
                where += " (ideal " + ideal + ": " + ideal + (ideal == 1 ? " core" : " cores") + ")";
            }
            return where + ", " + band.label;
        }

        /**
         * "CI spans slower to serialised", or null when both ends of the interval are in one band. Shown in
         * report.html's tooltip, not in the cell: in a quick run most GIL cells span two bands, and the
         * interval itself is printed beside every number.
         */
        String spans() {
            if (!Double.isFinite(scaling.ciLow()) || !Double.isFinite(scaling.ciHigh())) {
                return null;
            }
            Band low = ScalingMatrix.band(scaling.ciLow(), ideal);
            Band high = ScalingMatrix.band(scaling.ciHigh(), ideal);
            return low == high ? null : "CI spans " + low.label + " to " + high.label;
        }

        /** One line for the Markdown table and the terminal. */
        String text() {
            return measured() ? speedup() + " " + note() : empty;
        }
    }

    /** @param group the catalogue group (null when the results do not say) */
    record Row(String workload, String group, Map<String, Cell> cells) {
    }

    static double position(double speedup, int ideal) {
        if (ideal <= 1) {
            return 0;
        }
        return Math.max(0, Math.min(1, (speedup - 1) / (ideal - 1)));
    }

    /** The band of one number (a point estimate, or one end of an interval). */
    static Band band(double speedup, int ideal) {
        if (speedup < SLOWER_BELOW) {
            return Band.SLOWER;
        }
        double p = position(speedup, ideal);
        return p < 0.25 ? Band.SERIALISED : p < 0.75 ? Band.PARTIAL : Band.PARALLEL;
    }

    /**
     * A cell's band: the point estimate's, except that "slower" needs the whole 95% interval below
     * {@value #SLOWER_BELOW}x. A point below it whose interval reaches it is "serialised" (about 1x): the
     * data do not show the threads made it slower (e.g. 0.83x [0.61, 1.16] on a GIL runtime).
     */
    static Band band(double speedup, double ciLow, double ciHigh, int ideal) {
        Band point = band(speedup, ideal);
        if (point == Band.SLOWER && Double.isFinite(ciHigh) && ciHigh >= SLOWER_BELOW) {
            return Band.SERIALISED;
        }
        return point;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    static ScalingMatrix of(ReportModel model) {
        List<TrialResult> workloads = model.results().stream()
                .filter(r -> !ReportModel.isProbe(r) && !ReportModel.isMixed(r)).toList();
        List<String> columns = workloads.stream().map(ReportModel::seriesLabel).distinct().toList();
        List<String> patterns = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String name : workloads.stream().map(TrialResult::name).distinct().toList()) {
            List<TrialResult> trials = workloads.stream().filter(r -> r.name().equals(name)).toList();
            if (trials.stream().anyMatch(r -> SCALING_PATTERN.equals(r.group()))) {
                patterns.add(name);
            } else if (threadCounts(trials) >= 2) {
                others.add(name);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String name : concat(patterns, others)) {
            List<TrialResult> trials = workloads.stream().filter(r -> r.name().equals(name)).toList();
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String column : columns) {
                cells.put(column, cell(model, trials.stream().filter(r -> ReportModel.seriesLabel(r).equals(column))
                        .toList()));
            }
            String group = trials.stream().map(TrialResult::group).filter(g -> g != null).findFirst().orElse(null);
            rows.add(new Row(name, group, cells));
        }
        return new ScalingMatrix(columns, rows);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Distinct thread counts the trials of a workload ran (or were to run). */
    private static int threadCounts(List<TrialResult> trials) {
        TreeSet<Integer> t = new TreeSet<>();
        trials.forEach(r -> t.addAll(r.threadCounts() == null ? List.of() : r.threadCounts()));
        return t.size();
    }

    /**
     * The cell of one workload on one runtime: the first trial that measured a speedup (results merged from
     * several runs may hold more than one), else why none did.
     */
    static Cell cell(ReportModel model, List<TrialResult> trials) {
        if (trials.isEmpty()) {
            return new Cell(null, null, 0, null, "not measured", null);
        }
        for (TrialResult r : trials) {
            if (!r.ok()) {
                continue;
            }
            Map<Integer, Scaling> scaling = model.analysis(r).scaling();
            if (scaling.isEmpty()) {
                continue;
            }
            int n = scaling.keySet().stream().mapToInt(Integer::intValue).max().getAsInt();
            Scaling s = scaling.get(n);
            int cores = r.cores();
            int ideal = cores > 0 ? Math.min(n, cores) : n;
            return new Cell(r, s, ideal, band(s.speedup(), s.ciLow(), s.ciHigh(), ideal), null, null);
        }
        TrialResult r = trials.stream().filter(t -> !t.ok()).findFirst().orElse(trials.get(0));
        String empty = switch (r.status()) {
            case failed -> "failed";
            case timeout -> "timed out";
            case skipped -> "skipped";
            case ok -> r.threadCounts() != null && r.threadCounts().size() < 2 ? "1 thread only"
                    : "no speedup (too few steady samples)";
        };
        return new Cell(r, null, 0, null, empty, r.message());
    }

    /** What the colours and words mean, for the legends. */
    static String explained() {
        return "Each cell: the speedup of the largest thread count measured over one thread (strong scaling "
                + "T1/TN, weak N·T1/TN), its 95% bootstrap CI, that thread count, and where it lies between "
                + "serialised (1x) and parallel (the ideal: N threads, or the cores when fewer).";
    }
}
