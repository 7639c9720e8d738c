package io.gillab.fidelity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.Sample;
import io.gillab.runtime.GillabHome;
import io.gillab.stats.Stats;
import io.gillab.trial.Presets;
import io.gillab.trial.Run;
import io.gillab.trial.RunOptions;
import io.gillab.model.TrialResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fidelity part (a): the countdown workload timed through gillab on the local CPython ({@code cpython-local})
 * versus the same loop timed by the same interpreter directly ({@link DirectCountdown}), alternated in blocks
 * (gillab, direct, gillab, direct, ...) so that drift on the machine cancels.
 */
public final class GillabVsDirect {
    /** The target: gillab's median within 2% of the direct median for a workload of at least 100 ms. */
    public static final double TARGET_RATIO = 1.02;
    public static final double TARGET_MIN_SECONDS = 0.1;

    private final RunOptions template;
    private final GillabHome home;
    private final Shape shape;

    /** How much it measures: the countdown's size, warm-ups and samples per side per block, and blocks. */
    public record Shape(long size, int samples, int warmups, int blocks) {
        public Shape {
            if (blocks < 1) {
                throw new IllegalArgumentException("--blocks must be at least 1, got " + blocks);
            }
        }
    }

    /**
     * @param template the options every gillab side derives from (interpreter, time limit, output directory)
     * @throws IllegalArgumentException for a bad size, sample or warm-up count (checked as any run's are)
     */
    public GillabVsDirect(RunOptions template, GillabHome home, Shape shape) {
        this.template = template;
        this.home = home;
        this.shape = shape;
        gillabSide(1); // checks size, samples and warm-ups before anything runs
    }

    /** Told each side of each block as it ends, so a display can follow. */
    public interface Listener {
        void sideEnded(int block, String side, Side result);
    }

    /** One side of a block: the interpreter that ran it, its warm-up and measured seconds, its wall time. */
    public record Side(String interpreter, List<Double> warmups, List<Double> samples, double wallSeconds) {
        public double median() {
            return Stats.median(samples).orElse(Double.NaN);
        }
    }

    /** A block: gillab's side then the direct side; {@code gillabResults} is the gillab run's results.jsonl. */
    public record Block(int number, Side gillab, Side direct, Path gillabResults) {
        public double ratio() {
            return gillab.median() / direct.median();
        }
    }

    /**
     * The blocks that ran; {@code failure} says why the experiment stopped early (null: every block ran), after
     * what the failed gillab run printed ({@code log}, empty otherwise).
     */
    public record Result(List<Block> blocks, String failure, String log) {
        public boolean failed() {
            return failure != null;
        }

        public List<Double> allGillab() {
            return blocks.stream().flatMap(b -> b.gillab().samples().stream()).toList();
        }

        public List<Double> allDirect() {
            return blocks.stream().flatMap(b -> b.direct().samples().stream()).toList();
        }

        public double gillabMedian() {
            return Stats.median(allGillab()).orElse(Double.NaN);
        }

        public double directMedian() {
            return Stats.median(allDirect()).orElse(Double.NaN);
        }

        public double ratio() {
            return gillabMedian() / directMedian();
        }

        public double[] blockRatios() {
            return blocks.stream().mapToDouble(Block::ratio).toArray();
        }

        public double blockRatioMin() {
            return Arrays.stream(blockRatios()).min().orElse(Double.NaN);
        }

        public double blockRatioMax() {
            return Arrays.stream(blockRatios()).max().orElse(Double.NaN);
        }

        public double blockRatioMedian() {
            return Stats.medianOf(blockRatios());
        }

        /** Noise on a shared machine only ever adds time: the fastest samples are a second, robust view. */
        public double gillabMin() {
            return allGillab().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public double directMin() {
            return allDirect().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        /** The target applies to a workload long enough for 2% to be above the clock's noise. */
        public boolean longEnough() {
            return directMedian() >= TARGET_MIN_SECONDS;
        }

        public boolean targetMet() {
            return longEnough() && withinTarget(ratio());
        }
    }

    public static boolean withinTarget(double ratio) {
        return ratio <= TARGET_RATIO && ratio >= 1 / TARGET_RATIO;
    }

    public String python() {
        return template.localPython();
    }

    public Shape shape() {
        return shape;
    }

    /** Runs the blocks, stopping at the first side that fails. */
    public Result run(Listener listener) throws IOException {
        List<Block> done = new ArrayList<>();
        for (int b = 1; b <= shape.blocks(); b++) {
            // gillab: the driver in a child process, exactly as './gillab run --runtimes cpython-local' runs it
            ByteArrayOutputStream chatter = new ByteArrayOutputStream();
            long g0 = System.nanoTime();
            Run.Outcome outcome;
            try {
                outcome = new Run(gillabSide(b), home, new PrintStream(chatter, true, StandardCharsets.UTF_8)).execute();
            } catch (Run.UsageException e) {
                return new Result(done, "the gillab side could not run: " + e.getMessage(), text(chatter));
            }
            double gWall = (System.nanoTime() - g0) / 1e9;
            TrialResult r = outcome.results().stream().filter(x -> x.name().equals("countdown")).findFirst().orElse(null);
            if (r == null || !r.ok()) {
                return new Result(done, "the gillab side failed: "
                        + (r == null ? "no countdown trial" : r.status() + ": " + r.message()), text(chatter));
            }
            String interp = r.implementation() == null ? "?"
                    : r.implementation().path("executable").asText("?") + " " + r.implementation().path("version").asText("?");
            Side gillab = new Side(interp,
                    r.samples().stream().filter(Sample::warmup).map(Sample::seconds).toList(),
                    r.measured(1), gWall);
            listener.sideEnded(b, "gillab", gillab);

            // direct: the same interpreter, the bare loop, nothing else
            Side direct;
            try {
                direct = DirectCountdown.run(python(), shape, template.timeout());
            } catch (IOException e) {
                return new Result(done, e.getMessage(), "");
            }
            listener.sideEnded(b, "direct", direct);
            done.add(new Block(b, gillab, direct, outcome.resultsFile().path()));
        }
        return new Result(List.copyOf(done), null, "");
    }

    /** One process, the given warm-ups and samples, the fixed size: the direct side's exact shape. */
    private RunOptions gillabSide(int block) {
        return template.toBuilder().runtimes(List.of("cpython-local")).names(List.of("countdown")).threads(List.of(1))
                .measurement(new Presets.Measurement("default", 1, shape.samples(), shape.warmups(), shape.size(), 0.2,
                        "strong"))
                .outDir(template.outDir().resolve("a-block-" + block)).build();
    }

    private static String text(ByteArrayOutputStream chatter) {
        return chatter.toString(StandardCharsets.UTF_8);
    }

    /** The settings, every block's samples and the figures, into {@code json} (fidelity.json's part a). */
    public void write(Result r, ObjectNode json) {
        json.put("python", python()).put("size", shape.size()).put("warmups", shape.warmups())
                .put("samples", shape.samples()).put("blocks", shape.blocks());
        ArrayNode blockJson = json.putArray("blocks");
        for (Block b : r.blocks()) {
            ObjectNode bj = blockJson.addObject().put("block", b.number());
            bj.put("gillab_median", b.gillab().median()).put("direct_median", b.direct().median()).put("ratio", b.ratio())
                    .put("gillab_wall_seconds", b.gillab().wallSeconds()).put("direct_wall_seconds", b.direct().wallSeconds())
                    .put("gillab_interpreter", b.gillab().interpreter()).put("direct_interpreter", b.direct().interpreter())
                    .put("gillab_results", b.gillabResults().toString());
            bj.putPOJO("gillab_samples", b.gillab().samples()).putPOJO("gillab_warmups", b.gillab().warmups())
                    .putPOJO("direct_samples", b.direct().samples()).putPOJO("direct_warmups", b.direct().warmups());
        }
        if (r.failed()) {
            return;
        }
        json.put("gillab_median", r.gillabMedian()).put("direct_median", r.directMedian()).put("ratio", r.ratio())
                .put("block_ratio_min", r.blockRatioMin()).put("block_ratio_max", r.blockRatioMax())
                .put("block_ratio_median", r.blockRatioMedian()).put("gillab_min", r.gillabMin())
                .put("direct_min", r.directMin()).put("min_ratio", r.gillabMin() / r.directMin())
                .put("target_ratio", TARGET_RATIO).put("target_met", r.targetMet());
    }
}
