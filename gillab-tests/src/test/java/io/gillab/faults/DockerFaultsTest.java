package io.gillab.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gillab.model.TrialResult;
import io.gillab.results.ResultsFile;
import io.gillab.runtime.Availability;
import io.gillab.runtime.PythonRuntime;
import io.gillab.trial.Catalogue;
import io.gillab.trial.CatalogueEntry;
import io.gillab.trial.Presets;
import io.gillab.trial.RunFixture;
import io.gillab.trial.TrialMatrix;
import io.gillab.trial.TrialRunner;
import io.gillab.trial.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Docker trouble costs the container trials only: a missing image skips them with the command that builds
 * it; a container killed from outside mid-trial (what a dying daemon does to it) fails its trial naming the
 * kill; a daemon gone between trials fails the next container trial at once, saying so; other runtimes go on.
 * The real daemon is never touched: the kill hits only this test's own container, and "gone" is simulated by
 * pointing gillab's daemon check at a socket that does not exist.
 */
class DockerFaultsTest {
    static final String IMAGE_RUNTIME = "cpython:3.11";

    @Test
    void missingImageSkipsTheContainerTrialsOnly() throws IOException {
        FaultRun.need("jython");
        FaultRun.need(IMAGE_RUNTIME); // the daemon answers
        List<String> names = List.of("refcount");
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of("cpython:9.99", "jython"), names,
                Duration.ofSeconds(60), null));
        List<TrialResult> saved = r.outcome().resultsFile().read();
        assertEquals(List.of("cpython:9.99/refcount", "jython/refcount"), saved.stream().map(TrialResult::trial).toList(),
                r.log());
        TrialResult skipped = saved.get(0);
        FaultRun.remember(skipped);
        assertEquals(TrialResult.Status.skipped, skipped.status());
        assertTrue(skipped.message().startsWith("image gillab/cpython:9.99 not found; build it with: "
                + "bash docker/build-offline-images.sh 9.99"), skipped.message());
        assertEquals(TrialResult.Status.ok, saved.get(1).status(), saved.get(1)::message);
        assertTrue(r.log().contains("runtime NOT AVAILABLE cpython:9.99: image gillab/cpython:9.99 not found"), r.log());
    }

    @Test
    void containerKilledFromOutsideMidTrial() throws Exception {
        FaultRun.need(IMAGE_RUNTIME);
        List<String> names = List.of("refcount", "sleepy", "measured");
        AtomicReference<String> killed = new AtomicReference<>();
        Thread killer = new Thread(() -> killWhenRunning("sleepy.py", killed), "kill-sleepy");
        killer.setDaemon(true);
        killer.start();
        FaultRun.Result r = FaultRun.run(FaultRun.options(List.of(IMAGE_RUNTIME), names, Duration.ofSeconds(100),
                null));
        killer.join(5000);
        assertTrue(killed.get() != null, "the test never found the sleepy container to kill");
        r.assertAllRecorded(names);
        TrialResult sleepy = r.get("sleepy");
        assertEquals(TrialResult.Status.failed, sleepy.status(), sleepy::message);
        assertTrue(sleepy.message().startsWith("killed: SIGKILL from outside gillab"), sleepy.message());
        assertEquals(137, sleepy.exitCode());
        assertEquals(TrialResult.Status.ok, r.get("refcount").status(), r.log());
        assertEquals(TrialResult.Status.ok, r.get("measured").status(), r.log());
        assertTrue(r.get("sleepy").wallSeconds() < 90, "killed long before its time limit");
    }

    @Test
    void daemonGoneBetweenTrialsFailsContainerTrialsAtOnce() throws IOException {
        FaultRun.need("jython");
        FaultRun.need(IMAGE_RUNTIME);
        PythonRuntime container = RunFixture.runtime(IMAGE_RUNTIME);
        PythonRuntime jython = RunFixture.runtime("jython");
        Map<String, PythonRuntime> runtimes = new LinkedHashMap<>();
        Map<String, Availability> availability = new LinkedHashMap<>();
        for (PythonRuntime rt : List.of(container, jython)) {
            runtimes.put(rt.id(), rt);
            availability.put(rt.id(), rt.availability()); // checked while the daemon answers
        }
        List<Path> paths = List.of(RunFixture.fixtures(), FaultRun.faults());
        Catalogue catalogue = Catalogue.load(jython, paths);
        List<CatalogueEntry> entries = List.of(catalogue.require("refcount"));
        List<TrialSpec> specs = TrialMatrix.build(List.copyOf(runtimes.values()), entries, List.of(1),
                new Presets.Measurement("quick", 1, 1, 0, null, 0.01, "strong"));
        Path out = Files.createTempDirectory("gillab-daemon-gone-");
        ResultsFile results = new ResultsFile(out);
        List<io.gillab.trial.RunEvent> log = new ArrayList<>();
        String saved = System.getProperty("gillab.docker.host");
        System.setProperty("gillab.docker.host", "unix://" + out.resolve("gone.sock")); // the daemon "died"
        List<TrialResult> done;
        long start = System.nanoTime();
        try {
            done = new TrialRunner(runtimes, availability, paths, Duration.ofSeconds(60), results, "test", log::add)
                    .runAll(specs);
        } finally {
            if (saved == null) {
                System.clearProperty("gillab.docker.host");
            } else {
                System.setProperty("gillab.docker.host", saved);
            }
        }
        assertEquals(List.of(IMAGE_RUNTIME + "/refcount", "jython/refcount"),
                results.read().stream().map(TrialResult::trial).toList(), log::toString);
        TrialResult gone = done.get(0);
        FaultRun.remember(gone);
        assertEquals(TrialResult.Status.failed, gone.status());
        assertTrue(gone.message().startsWith("could not start the trial: the Docker daemon is gone: no Docker daemon at "),
                gone.message());
        assertEquals(TrialResult.Status.ok, done.get(1).status(), done.get(1)::message);
        String first = log.get(0).line();
        assertTrue(first.contains(IMAGE_RUNTIME + "/refcount") && first.contains("the Docker daemon is gone"),
                log::toString);
        assertTrue((System.nanoTime() - start) / 1e9 < 120);
    }

    /** Polls docker ps for this test's container (its command names the fixture) and kills it once. */
    private static void killWhenRunning(String marker, AtomicReference<String> killed) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try {
            while (System.nanoTime() < deadline) {
                Process ps = new ProcessBuilder("docker", "ps", "--no-trunc", "--format", "{{.ID}} {{.Command}}")
                        .redirectErrorStream(true).start();
                String text = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                ps.waitFor();
                for (String line : text.split("\n")) {
                    if (line.contains(marker) || line.contains("sleepy")) {
                        String id = line.split(" ")[0];
                        Thread.sleep(1500); // let it get into its sample
                        new ProcessBuilder("docker", "kill", id).redirectErrorStream(true).start().waitFor();
                        killed.set(id);
                        return;
                    }
                }
                Thread.sleep(300);
            }
        } catch (IOException e) {
            // no docker CLI: the assertion on `killed` says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
