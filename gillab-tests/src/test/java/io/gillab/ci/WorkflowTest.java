package io.gillab.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gillab.runtime.GillabHome;
import io.gillab.runtime.PythonRuntime;
import io.gillab.runtime.container.ContainerRuntime;
import io.gillab.runtime.container.PyPyContainerRuntime;
import io.gillab.runtime.registry.RuntimeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI workflows, read as GitHub reads them: comparison.yml's runtime list (and the reusable
 * gillab.yml's default) covers every runtime kind gillab has an image for, and each matrix job really
 * builds the image its runtime runs on — the job's own build step is run against a fake {@code docker}
 * that records what it is asked to build. Schema validity is .ci/run's check (action-validator).
 */
class WorkflowTest {
    private static final Path WORKFLOWS = io.gillab.trial.RunFixture.checkout().resolve(".github/workflows");
    private static final String MATRIX_RUNTIME = "${{ matrix.runtime }}";
    private final RuntimeRegistry registry = new RuntimeRegistry(GillabHome.locate(), "python3");

    @TempDir
    Path tmp;

    private static JsonNode read(String file) throws IOException {
        return new YAMLMapper().readTree(WORKFLOWS.resolve(file).toFile());
    }

    private static List<String> runtimes(String json) throws IOException {
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(json).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The runtime lists GitHub renders into the matrix: the one comparison.yml passes, and gillab.yml's default. */
    private static Map<String, List<String>> runtimeLists() throws IOException {
        JsonNode call = read("comparison.yml").path("jobs").path("comparison");
        assertEquals("./.github/workflows/gillab.yml", call.path("uses").asText());
        JsonNode input = read("gillab.yml").path("on").path("workflow_call").path("inputs").path("runtimes");
        return Map.of("comparison.yml", runtimes(call.path("with").path("runtimes").asText()),
                "gillab.yml's default", runtimes(input.path("default").asText()));
    }

    private static JsonNode measureJob() throws IOException {
        JsonNode job = read("gillab.yml").path("jobs").path("measure");
        assertEquals("${{ fromJSON(inputs.runtimes) }}", job.path("strategy").path("matrix").path("runtime").asText(),
                "one job per runtime of the list");
        assertEquals(MATRIX_RUNTIME, job.path("env").path("RUNTIME").asText());
        assertTrue(job.path("timeout-minutes").isValueNode(), "the job has a time limit");
        return job;
    }

    private static JsonNode step(JsonNode job, String runContains) {
        for (JsonNode s : job.path("steps")) {
            if (s.path("run").asText().contains(runContains)) {
                return s;
            }
        }
        throw new AssertionError("no step runs " + runContains);
    }

    /** What gillab itself runs the runtime on: its image, or null for a runtime without a container. */
    private String imageOf(String id) {
        PythonRuntime r = registry.resolve(id);
        if (r instanceof ContainerRuntime c) {
            return c.imageName();
        }
        return r instanceof PyPyContainerRuntime p ? p.imageName() : null;
    }

    @Test
    void theRuntimeListsCoverEveryContainerRuntimeGillabKnows() throws IOException {
        // Container families as the registry describes them ("cpython:<version>" -> cpython, "pypy:<tag>" -> pypy).
        Set<String> families = new LinkedHashSet<>();
        registry.choices().forEach((choice, description) -> {
            Matcher m = Pattern.compile("([a-z]+):<[a-z]+>").matcher(choice);
            if (m.matches() && description.contains("container")) {
                families.add(m.group(1));
            }
        });
        assertEquals(Set.of("cpython", "pypy"), families, "the registry's container runtimes changed: update the workflow");
        // Every CPython version gillab builds an image for (build-offline-images.sh's variants).
        List<String> cpythons = new ArrayList<>();
        Matcher v = Pattern.compile("(?m)^\\s*(3\\.\\d+)\\|cpython:").matcher(
                Files.readString(io.gillab.trial.RunFixture.checkout().resolve("docker/build-offline-images.sh")));
        while (v.find()) {
            cpythons.add("cpython:" + v.group(1));
        }
        assertFalse(cpythons.isEmpty());
        for (Map.Entry<String, List<String>> list : runtimeLists().entrySet()) {
            List<String> ids = list.getValue();
            String where = list.getKey() + " " + ids;
            assertTrue(ids.containsAll(List.of("jython", "graalpy")), where + ": the embedded runtimes");
            assertTrue(ids.containsAll(cpythons), where + " covers " + cpythons);
            for (String family : families) {
                assertTrue(ids.stream().anyMatch(id -> id.startsWith(family + ":") && imageOf(id) != null),
                        where + " has a " + family + " runtime in a container");
            }
            assertEquals(ids.size(), Set.copyOf(ids).size(), where + ": no runtime twice");
        }
    }

    @Test
    void eachJobBuildsExactlyTheImageItsRuntimeNeeds() throws Exception {
        JsonNode build = step(measureJob(), "build-online-images.sh");
        assertTrue(build.path("if").isMissingNode(), "the build step runs in every job; the script decides");
        Set<String> all = new LinkedHashSet<>();
        runtimeLists().values().forEach(all::addAll);
        for (String runtime : all) {
            String image = imageOf(runtime);
            List<String> builds = runBuildStep(build.path("run").asText(), runtime);
            assertEquals(image == null ? List.of() : List.of(image), builds,
                    "the " + runtime + " job builds the image gillab runs " + runtime + " on, and no other");
        }
    }

    @Test
    void aJobWhoseRuntimeMeasuredNothingFails() throws Exception {
        JsonNode check = step(measureJob(), "measured nothing");
        assertEquals("${{ !cancelled() }}", check.path("if").asText(), "checked even after a failed run step");
        String skipped = "{\"trial\":\"pypy:3.11/countdown\",\"status\":\"skipped\",\"message\":\"no image\"}\n";
        String ok = "{\"trial\":\"pypy:3.11/sleep\",\"status\":\"ok\"}\n";
        assertNotEquals(0, runCheck(check, skipped + skipped.replace("countdown", "convoy")), "every trial skipped");
        assertNotEquals(0, runCheck(check, null), "no results at all");
        assertEquals(0, runCheck(check, skipped + ok), "one trial measured");
    }

    @Test
    void theMergeJobRunsUnlessCancelled() throws IOException {
        JsonNode merge = read("gillab.yml").path("jobs").path("merge");
        assertEquals("measure", merge.path("needs").asText());
        assertEquals("${{ !cancelled() }}", merge.path("if").asText());
        assertTrue(step(merge, "./gillab merge").path("run").asText().contains("shards/*"));
    }

    /** Runs a job's build step as the runner would (its env, bash -e) with a docker that only records; returns the -t tags. */
    private List<String> runBuildStep(String script, String runtime) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path log = tmp.resolve("docker.log");
        Files.deleteIfExists(log);
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\n");
        assertTrue(docker.toFile().setExecutable(true));
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", script).redirectErrorStream(true)
                .directory(io.gillab.trial.RunFixture.checkout().toFile()); // a job's steps run at the checkout's root
        pb.environment().put("RUNTIME", runtime);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), runtime + ": " + out);
        List<String> tags = new ArrayList<>();
        for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
            Matcher m = Pattern.compile("^build .* -t (\\S+) ").matcher(line);
            assertTrue(m.find(), "only docker build is called: " + line);
            tags.add(m.group(1));
        }
        return tags;
    }

    /** Runs the measured-nothing step on a results.jsonl (or none); returns its exit code. */
    private int runCheck(JsonNode step, String results) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("results-" + System.nanoTime()));
        if (results != null) {
            Files.writeString(out.resolve("results.jsonl"), results);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", step.path("run").asText()).redirectErrorStream(true);
        pb.environment().put("RUNTIME", "pypy:3.11");
        pb.environment().put("OUT", out.toString());
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
