package io.gillab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import io.gillab.runtime.Availability;
import io.gillab.trial.ForkLayout;
import io.gillab.trial.Presets;
import io.gillab.trial.RunFixture;
import io.gillab.trial.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --one-thread-on} (1-thread samples on the main thread, as pyperf, or a worker) and {@code --layout-seed}
 * (each fork's environment size and warm-up order), end to end on the local CPython.
 */
class LayoutOptionTest {

    @Test
    void badValuesAreUsageErrors() {
        String both = UsageErrors.of("run", "--one-thread-on", "both");
        assertTrue(both.contains("--one-thread-on must be worker or main, got 'both'"), both);
        String neg = UsageErrors.of("run", "--layout-seed", "-1");
        assertTrue(neg.contains("--layout-seed must be 0 or more, got -1"), neg);
    }

    @Test
    void eachForkRecordsItsLayoutAndTheMainThreadTimesOneThreadSamples() throws Exception {
        Availability a = RunFixture.availability("cpython-local");
        assumeTrue(a.available(), () -> "cpython-local not available: " + a.reason());
        Presets.Measurement m = new Presets.Measurement("quick", 3, 2, 2, 20_000L, 0.2, "strong", 0, "main");
        RunOptions o = RunFixture.options(List.of("cpython-local"), List.of("countdown"), List.of(1, 2), m,
                Duration.ofMinutes(2)).toBuilder().layoutSeed(99L).build();
        Path out = o.outDir();
        TrialResult r = RunFixture.run(o).results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertEquals("main", r.oneThreadOn());
        assertTrue(r.samples().stream().allMatch(s -> s.threads() == 1 ? "main".equals(s.timedOn()) : s.timedOn() == null),
                () -> "" + r.samples());

        List<JsonNode> layouts = r.forkLayouts();
        assertEquals(3, layouts.size(), () -> "" + layouts);
        HashSet<Long> seeds = new HashSet<>();
        for (int f = 0; f < 3; f++) {
            JsonNode l = layouts.get(f);
            ForkLayout want = ForkLayout.of(99, r.trial(), f);
            assertEquals(f, l.path("fork").asInt());
            assertEquals(want.seed(), l.path("seed").asLong(), "reproducible from the run's seed");
            assertEquals(want.envPadBytes(), l.path("env_pad_bytes").asInt());
            assertEquals(want.envPadBytes(), l.path("env_pad_seen").asInt(), "the process saw its padded environment");
            assertEquals("main", l.path("one_thread_on").asText());
            assertEquals(2, l.path("warmup_orders").size(), "" + l);
            seeds.add(l.path("seed").asLong());
        }
        assertEquals(3, seeds.size());

        // run-*.json keeps the seed (a resume reuses it) and the thread choice
        Path run = Files.list(out).filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        JsonNode options = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.toFile()).path("options");
        assertEquals(99, options.path("layout_seed").asLong());
        assertEquals("main", options.path("measurement").path("one_thread_on").asText());
        assertEquals(99L, RunOptions.recordedIn(out, "resume").layoutSeed());
        assertEquals("main", RunOptions.recordedIn(out, "resume").measurement().oneThreadOn());

        // the results round-trip, and the reports say which thread timed the 1-thread samples
        io.gillab.results.ResultSet saved = io.gillab.results.ResultSet.load(out);
        assertEquals(layouts, saved.results().get(0).forkLayouts());
        io.gillab.report.ReportPublisher.publish(out, saved.results(), saved.runs());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("1-thread samples ran on the interpreter's main thread (--one-thread-on main)"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("1-thread samples ran on the interpreter&#39;s main thread")
                || html.contains("1-thread samples ran on the interpreter's main thread"), "report.html");
        String term = io.gillab.report.TerminalTable.render(saved.results());
        assertTrue(term.contains("1-thread samples ran on the interpreter's main thread"), term);
    }

    @Test
    void withoutASeedTheRunDrawsOneAndWorkerIsTheDefault() throws Exception {
        Availability a = RunFixture.availability("cpython-local");
        assumeTrue(a.available(), () -> "cpython-local not available: " + a.reason());
        Presets.Measurement m = new Presets.Measurement("quick", 2, 1, 1, 20_000L, 0.2, "strong", 0);
        RunOptions o = RunFixture.options(List.of("cpython-local"), List.of("countdown"), List.of(1, 2), m,
                Duration.ofMinutes(2));
        Path out = o.outDir();
        TrialResult r = RunFixture.run(o).results().get(0);
        assertEquals(TrialResult.Status.ok, r.status(), r::message);
        assertEquals("worker", r.oneThreadOn());
        Path run = Files.list(out).filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        JsonNode seed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.toFile())
                .path("options").path("layout_seed");
        assertTrue(seed.canConvertToLong() && seed.asLong() >= 0, () -> "recorded: " + seed);
        assertEquals(ForkLayout.of(seed.asLong(), r.trial(), 1).seed(), r.forkLayouts().get(1).path("seed").asLong());
        assertNotEquals(r.forkLayouts().get(0).path("seed"), r.forkLayouts().get(1).path("seed"));
        String line = io.gillab.report.ThreadNote.line(List.of(r));
        assertTrue(line.startsWith("1-thread samples ran on a worker thread") && line.contains("lower than pyperf's"),
                line);
    }
}
