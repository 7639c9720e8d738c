package io.gillab.fidelity;

import io.gillab.runtime.ProcessOutput;
import io.gillab.runtime.ProcessRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The direct side of {@link GillabVsDirect}: the countdown workload's own loop, timed like the driver times
 * it (perf_counter around the call), with nothing else: no harness, no worker thread, no gc.collect(). The
 * loop is in a function, as in countdown.py: at module level {@code n} would be a global, which is slower on
 * CPython and would measure name lookup rather than the harness.
 */
final class DirectCountdown {
    static final String SCRIPT = String.join("\n",
            "import sys, time",
            "def run(n):",
            "    while n > 0:",
            "        n -= 1",
            "    return n",
            "size, warmups, samples = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])",
            "print('interpreter %s %s' % (sys.executable, sys.version.split()[0]))",
            "clock = time.perf_counter",
            "for i in range(warmups + samples):",
            "    t0 = clock()",
            "    r = run(size)",
            "    t1 = clock()",
            "    if r != 0:",
            "        raise SystemExit('countdown ended at %r' % (r,))",
            "    print('%s %r' % ('warmup' if i < warmups else 'sample', t1 - t0))",
            "");

    private DirectCountdown() {
    }

    /** One run of the script: its side of a block, or an IOException saying why it failed. */
    static GillabVsDirect.Side run(String python, GillabVsDirect.Shape shape, Duration timeout) throws IOException {
        long d0 = System.nanoTime();
        ProcessOutput po = ProcessRunner.run(List.of(python, "-u", "-c", SCRIPT, Long.toString(shape.size()),
                Integer.toString(shape.warmups()), Integer.toString(shape.samples())), Map.of(), null, timeout);
        double wall = (System.nanoTime() - d0) / 1e9;
        GillabVsDirect.Side d = parse(po.stdoutLines(), wall);
        if (po.timedOut() || po.exitCode() != 0 || d.samples().size() != shape.samples()) {
            throw new IOException("the direct side failed (exit " + po.exitCode() + (po.timedOut() ? ", timed out" : "")
                    + "): " + po.stderrTail().strip());
        }
        return d;
    }

    /** What the script printed: its interpreter, warm-up and sample seconds. */
    static GillabVsDirect.Side parse(List<String> lines, double wallSeconds) {
        String interp = "?";
        List<Double> warm = new ArrayList<>();
        List<Double> measured = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+", 2);
            if (f.length < 2) {
                continue;
            }
            try {
                switch (f[0]) {
                    case "interpreter" -> interp = f[1];
                    case "warmup" -> warm.add(Double.parseDouble(f[1]));
                    case "sample" -> measured.add(Double.parseDouble(f[1]));
                    default -> {
                    }
                }
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        }
        return new GillabVsDirect.Side(interp, List.copyOf(warm), List.copyOf(measured), wallSeconds);
    }
}
