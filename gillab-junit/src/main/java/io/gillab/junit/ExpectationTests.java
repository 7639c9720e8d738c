package io.gillab.junit;

import io.gillab.api.RuntimeChoice;
import io.gillab.expect.Check;
import io.gillab.expect.Expectations;
import io.gillab.expect.Matcher;
import io.gillab.expect.Verdict;
import io.gillab.model.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Every cell of an expectations table as a JUnit test: one per (row, runtime) where the row says
 * something about the runtime, named like {@code refcount_fresh_dict[cpython:3.13] expects 2}, judged
 * with {@link Expectations#judge} on the runtime's trial of the row's subject.
 *
 * <ul>
 * <li>A runtime that cannot run here: skipped with the reason.</li>
 * <li>A trial with nothing to judge (fewer cores than the row needs): skipped with what is missing.</li>
 * <li>A scaling cell that fails while the machine was busy (load average above
 * {@link LoadMonitor#busyThreshold}): skipped with the load, since two threads cannot run in parallel on
 * cores that are not free.</li>
 * <li>Anything else that does not match fails with the observed value, the expectation, the evidence and
 * why the table expects it ({@link #message}).</li>
 * </ul>
 * Counts of each outcome, with the reasons for skipping, are kept for {@link #summary()}.
 */
public final class ExpectationTests {
    private final Expectations table;
    private final String tableName;
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, Integer> skipped = new TreeMap<>();

    /** @param tableName where the table is, for failure messages */
    public ExpectationTests(Expectations table, String tableName) {
        this.table = table;
        this.tableName = tableName;
    }

    public Expectations table() {
        return table;
    }

    /**
     * The tests of the rows about {@code subjects} that {@code rows} accepts, on each runtime; {@code trials}
     * gives a runtime's trials (called once per available runtime, when the tests are built: a row's cell can
     * depend on the version the trial recorded).
     */
    public Stream<DynamicNode> tests(List<RuntimeChoice> runtimes, List<String> subjects, Predicate<Check> rows,
            Function<RuntimeChoice, List<TrialResult>> trials) {
        List<DynamicNode> tests = new ArrayList<>();
        for (RuntimeChoice rt : runtimes) {
            List<TrialResult> results = rt.available() ? trials.apply(rt) : List.of();
            for (String subject : subjects) {
                TrialResult r = results.stream().filter(x -> x.runtime().equals(rt.id()) && x.name().equals(subject))
                        .findFirst().orElse(null);
                for (Check c : table.checksFor(subject)) {
                    if (!rows.test(c)) {
                        continue;
                    }
                    Matcher m = c.expectationFor(rt.id(), r == null ? null : r.implementation());
                    if (m == null || m instanceof Matcher.Any) {
                        continue; // nothing said about this runtime, or recorded only (reports show it)
                    }
                    String name = c.name() + "[" + rt.id() + "] expects " + m.describe()
                            + (m.tolerance() == null ? "" : " " + m.tolerance());
                    tests.add(DynamicTest.dynamicTest(name, () -> judge(c, rt, r)));
                }
            }
        }
        return tests.stream();
    }

    private void judge(Check c, RuntimeChoice rt, TrialResult r) {
        if (!rt.available()) {
            skip(rt.id() + " not available: " + rt.unavailable(), null);
        }
        if (r == null) {
            failed.incrementAndGet();
            Assertions.fail(c.name() + "[" + rt.id() + "]: no trial of " + c.subject() + " on " + rt.id());
        }
        if (r.status() == TrialResult.Status.skipped) {
            skip(rt.id() + " not available: " + r.message(), null);
        }
        Verdict v = table.judge(c, r);
        switch (v.outcome()) {
            case MATCH -> passed.incrementAndGet();
            case NO_DATA -> {
                if (r.status() == TrialResult.Status.ok) {
                    skip(v.observed(), c.name() + "[" + rt.id() + "]: " + v.observed());
                }
                failed.incrementAndGet();
                Assertions.fail(message(v, tableName));
            }
            case MISMATCH -> {
                String load = "";
                if (c.isScaling()) {
                    OptionalDouble l = loadDuring(r);
                    int cores = Runtime.getRuntime().availableProcessors();
                    if (l.isPresent() && l.getAsDouble() > LoadMonitor.busyThreshold(cores)) {
                        skip(String.format(Locale.ROOT, "machine busy (load average over %.0f on %d cores):"
                                + " scaling not judged", LoadMonitor.busyThreshold(cores), cores),
                                String.format(Locale.ROOT, "%s[%s]: machine busy during the trial (load average %.1f"
                                        + " on %d cores): observed %s, expected %s, not judged", c.name(), rt.id(),
                                        l.getAsDouble(), cores, v.observed(), v.expected()));
                    }
                    load = l.isPresent() ? String.format(Locale.ROOT, "%n  load average during the trial: %.1f on %d"
                            + " cores", l.getAsDouble(), cores) : "";
                }
                failed.incrementAndGet();
                Assertions.fail(message(v, tableName) + load);
            }
        }
    }

    private static OptionalDouble loadDuring(TrialResult r) {
        if (r.startedAt() == null || r.wallSeconds() == null) {
            return OptionalDouble.empty();
        }
        try {
            Instant from = Instant.parse(r.startedAt());
            return LoadMonitor.meanBetween(from, from.plusMillis((long) (r.wallSeconds() * 1000)));
        } catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** What a failing cell prints: enough to tell a changed implementation from a flaky measurement. */
    public static String message(Verdict v, String tableName) {
        StringBuilder sb = new StringBuilder();
        sb.append(v.check()).append('[').append(v.runtime()).append("]: observed ").append(v.observed())
                .append(", expected ").append(v.expected());
        sb.append(v.tolerance() == null ? " (no tolerance)" : " (tolerance " + v.tolerance() + ")");
        sb.append("\n  trial: ").append(v.trial());
        sb.append("\n  evidence: ").append(v.detail());
        if (v.reason() != null) {
            sb.append("\n  why the table expects it: ").append(v.reason());
        }
        if (v.claim() != null) {
            sb.append("\n  claim: ").append(v.claim()).append(" - predicts ").append(v.prediction())
                    .append(v.claimHolds() == null ? "" : v.claimHolds() ? ": confirmed" : ": contradicted");
        }
        if (v.source() != null) {
            sb.append("\n  source: ").append(v.source());
        }
        if (tableName != null) {
            sb.append("\n  table: ").append(tableName);
        }
        return sb.toString();
    }

    /** Skips a test: {@code why} is counted in the summary, {@code message} (or why) is the test's reason. */
    private void skip(String why, String message) {
        synchronized (skipped) {
            skipped.merge(why, 1, Integer::sum);
        }
        Assumptions.abort(message != null ? message : why);
    }

    /** How many passed, failed and were skipped (with each reason's count), as lines. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        synchronized (skipped) {
            int s = skipped.values().stream().mapToInt(Integer::intValue).sum();
            lines.add((passed.get() + failed.get() + s) + " expectation tests: " + passed.get() + " passed, "
                    + failed.get() + " failed, " + s + " skipped");
            skipped.forEach((why, n) -> lines.add("  skipped " + n + ": " + why));
        }
        return lines;
    }
}
