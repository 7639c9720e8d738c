package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import io.gillab.runtime.LineCollector;
import io.gillab.trial.RunFixture;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Garbage on a trial's real stdout (text, foreign JSON, a torn record, binary bytes) through a real runtime:
 * the records still arrive, the garbage is counted and shown as examples. A flood of about 140 MB is dropped
 * beyond a bound and reported, with gillab's heap (64 MB) less than half the flood.
 */
class GarbageOutputTest {

    @ParameterizedTest(name = "garbage on stdout of {0}")
    @ValueSource(strings = {"jython", "cpython-local", "cpython:3.11"})
    void garbageIsCountedAndTheSamplesSurvive(String runtime) throws IOException {
        FaultRun.need(runtime);
        List<String> names = List.of("garbage", "refcount");
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of(runtime), names, Duration.ofSeconds(90), null));
        r.assertAllRecorded(names);
        TrialResult g = r.get("garbage");
        assertEquals(TrialResult.Status.ok, g.status(), g::message);
        assertEquals(1, g.samples().size(), "the sample after the torn record survives");
        assertTrue(g.otherOutputLines() >= 4, () -> "garbage lines counted: " + g.otherOutputLines());
        assertTrue(g.otherOutputExamples().get(0).contains("hello from the workload"), g.otherOutputExamples()::toString);
        assertEquals(TrialResult.Status.ok, r.get("refcount").status(), r.log());
    }

    /** A record glued to a partial line (no newline before it) is split off and kept whole. */
    @Test
    void recordAfterAPartialLineIsKept() {
        LineCollector c = new LineCollector();
        c.stdout("torn {\"gillab\":1,\"record\":\"sam".getBytes(StandardCharsets.UTF_8));
        c.stdout("binary \u0000\u00ff{\"gil".getBytes(StandardCharsets.ISO_8859_1));
        c.stdout("lab\":1,\"record\":\"end\",\"status\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8));
        c.finish();
        assertEquals(List.of("torn ", "{\"gillab\":1,\"record\":\"sambinary \u0000\u00ff",
                "{\"gillab\":1,\"record\":\"end\",\"status\":\"ok\"}"), c.lines().stream()
                        .map(s -> s.replace("\ufffd", "\u00ff")).toList());
        assertEquals(2, c.splitLines());
    }

    /**
     * About 140 MB on stdout (128 writes of about 1 MiB of lines, and one 8 MiB line), through a gillab whose own heap is 64 MB:
     * it would not fit twice over, so the run succeeding shows the bound (300 MB showed no more, and took 40 s). The flood's trial is ok (its sample arrives after the flood) and says what was cut.
     */
    @Test
    @Tag("slow")
    void floodOfHundredsOfMegabytesStaysBounded() throws Exception {
        FaultRun.need("cpython-local");
        Path out = Files.createTempDirectory("gillab-flood-");
        Path target = RunFixture.home().buildDir();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dgillab.home=" + target, "-Dgillab.scripts=" + RunFixture.home().scriptsDir(),
                "-cp", System.getProperty("java.class.path"), "io.gillab.cli.GillabCommand", "run", "--quick",
                "--runtimes", "cpython-local", "--workloads", "flood,refcount", "--threads", "1", "--samples", "1",
                "--warmups", "0", "--path", FaultRun.faults().toString(), "--out", out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run took more than 300 s");
        String log = Files.readString(out.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        List<TrialResult> saved = new ResultsFile(out).read();
        assertEquals(List.of("flood", "refcount"), saved.stream().map(TrialResult::name).toList(), log);
        TrialResult flood = saved.get(0);
        FaultRun.remember(flood);
        assertEquals(TrialResult.Status.ok, flood.status(), flood::message);
        assertEquals(1, flood.samples().size(), "the sample after the flood arrives");
        Matcher mb = Pattern.compile("^output over the limit: ([0-9.]+) MB on stdout").matcher(flood.message());
        assertTrue(mb.find(), flood.message());
        // every byte of the flood was counted: 128 x 1049 lines of 1000 bytes, and the 8 MiB line
        assertTrue(Double.parseDouble(mb.group(1)) >= (128 * 1049 * 1000 + (8 << 20)) / 1e6, flood.message());
        assertTrue(flood.otherOutputLines() <= 1000, () -> "kept other lines: " + flood.otherOutputLines());
        JsonNode launch = ResultsFile.json().valueToTree(flood.launch());
        assertTrue(launch.isObject(), launch::toString);
        assertEquals(TrialResult.Status.ok, saved.get(1).status(), log);
    }
}
