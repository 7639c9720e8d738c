package io.gillab.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.Fork;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic trials with known speedups on six runtimes, for the scaling matrix: two scaling patterns
 * (group "scaling pattern"), a benchmark measured at two thread counts, one measured at one, and a probe.
 * With {@code noise} false every round has the same times, so the paired speedup and both ends of its
 * CI are exactly the speedup given.
 */
final class ScalingMatrixFixture {
    static final List<String> RUNTIMES = List.of("jython", "graalpy", "cpython:3.11", "cpython:3.13", "cpython:3.14",
            "pypy:bookworm");
    static final String PATTERN = "object_cfunction";
    static final String PATTERN_2 = "dict_create_with_a_long_name";
    static final int ROUNDS = 8;

    private ScalingMatrixFixture() {
    }

    static ReportInput input(boolean noise) {
        List<TrialResult> rs = new ArrayList<>();
        // object_cfunction at 1, 2 and 4 threads: parallel, serialised x3, partial, slower
        double[] speedups = {3.9, 1.0, 0.98, 1.02, 2.5, 0.5};
        for (int i = 0; i < RUNTIMES.size(); i++) {
            rs.add(trial(RUNTIMES.get(i), PATTERN, "scaling pattern", List.of(1, 2, 4), speedups[i], 0, noise));
        }
        // the second pattern: jython on 2 cores (ideal 2), graalpy failed, cpython:3.13 not run, pypy skipped
        rs.add(trial("jython", PATTERN_2, "scaling pattern", List.of(1, 4), 1.9, 2, noise));
        rs.add(TrialResult.builder().runId("r").trial("graalpy/" + PATTERN_2).runtime("graalpy").name(PATTERN_2)
                .kind("cpu").group("scaling pattern").threadCounts(List.of(1, 4)).size(1000L)
                .status(TrialResult.Status.failed).message("check() failed: expected 4000, got 3999").build());
        rs.add(trial("cpython:3.11", PATTERN_2, "scaling pattern", List.of(1, 4), 1.05, 0, noise));
        rs.add(trial("cpython:3.14", PATTERN_2, "scaling pattern", List.of(1, 4), 1.6, 0, noise));
        rs.add(TrialResult.builder().runId("r").trial("pypy:bookworm/" + PATTERN_2).runtime("pypy:bookworm")
                .name(PATTERN_2).kind("cpu").group("scaling pattern").threadCounts(List.of(1, 4))
                .status(TrialResult.Status.skipped).message("the runtime is not available").build());
        // a benchmark recorded before groups were (no group), at 1 and 2 threads, on two runtimes
        rs.add(trial("jython", "legacy_bench", null, List.of(1, 2), 1.8, 0, noise));
        rs.add(trial("cpython:3.11", "legacy_bench", null, List.of(1, 2), 0.97, 0, noise));
        // one thread count only: no row
        rs.add(trial("jython", "single", "benchmark", List.of(1), 1, 0, noise));
        // a probe: no row
        rs.add(TrialResult.builder().runId("r").trial("jython/refcount").runtime("jython").name("refcount")
                .kind("probe").group("behaviour probe").threadCounts(List.of(1)).status(TrialResult.Status.ok)
                .probe(JsonNodeFactory.instance.objectNode().put("available", false)).build());
        return new ReportInput(rs, List.of(), List.of());
    }

    /**
     * One fork of {@value #ROUNDS} rounds, each with a sample per thread count: 1 s at one thread, 1/speedup s
     * at the largest (and the ideal at any between).
     *
     * @param cores the cores the implementation record reports (0: none recorded)
     */
    static TrialResult trial(String runtime, String name, String group, List<Integer> threads, double speedup,
            int cores, boolean noise) {
        List<Sample> samples = new ArrayList<>();
        int index = 0;
        int max = threads.get(threads.size() - 1);
        for (int k = 0; k < ROUNDS; k++) {
            double jitter = noise ? 1 + 0.02 * ((k * 5) % 7 - 3) / 3.0 : 1;
            for (int t : threads) {
                double s = t == 1 ? 1.0 : t == max ? 1.0 / speedup : 1.0 / Math.min(t, speedup);
                samples.add(new Sample(index++, false, s * (t == 1 ? jitter : 1), t, 1000, null, null, 0));
            }
        }
        ObjectNode impl = JsonNodeFactory.instance.objectNode().put("implementation_name", runtime);
        if (cores > 0) {
            impl.put("cpu_count", cores);
        }
        return TrialResult.builder().runId("r").trial(runtime + "/" + name).runtime(runtime).name(name).kind("cpu")
                .group(group).threadCounts(threads).size(1000L).warmups(0).scalingMode("strong")
                .status(TrialResult.Status.ok)
                .forks(List.of(Fork.builder().index(0).implementation(impl).samples(samples).build())).build();
    }
}
