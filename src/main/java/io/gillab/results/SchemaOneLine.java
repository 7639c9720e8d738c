package io.gillab.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.Fork;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A results.jsonl line of schema 1 (gillab before forks were kept as data), read as written: the samples
 * flat with a {@code fork} index, {@code forks} a count, one set of process metadata, {@code fork_layouts}.
 * {@link #toModel} turns it into today's trial result so that report, merge and --resume read old runs.
 */
record SchemaOneLine(
        int schema,
        String runId,
        String trial,
        String runtime,
        String name,
        String kind,
        List<Integer> threadCounts,
        Long size,
        Integer warmups,
        String scalingMode,
        String mode,
        TrialResult.Status status,
        String message,
        String startedAt,
        Double wallSeconds,
        Integer exitCode,
        Map<String, Object> launch,
        JsonNode implementation,
        JsonNode host,
        JsonNode calibration,
        List<Sample> samples,
        int forks,
        JsonNode probe,
        List<JsonNode> errors,
        Long otherOutputLines,
        List<String> otherOutputExamples,
        String stderrTail,
        List<JsonNode> forkLayouts) {

    static final int SCHEMA = 1;

    /**
     * The same trial with one fork per process. Schema 1 kept one set of process metadata: the first fork's
     * start, launch, host, implementation and calibration (those go on fork 0), and the worst fork's exit
     * code, errors, other output and stderr (those go on the fork that decided the status: see
     * {@link TrialResult#decidingFork}). Per-fork wall times were not kept: only the trial's sum is.
     */
    TrialResult toModel() {
        List<Sample> all = samples == null ? List.of() : samples;
        int count = Math.max(forks, all.stream().mapToInt(s -> s.fork() + 1).max().orElse(0));
        boolean ok = status == TrialResult.Status.ok;
        List<Fork> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            int index = f;
            Fork.Builder fork = Fork.builder().index(f)
                    .samples(all.stream().filter(s -> s.fork() == index).toList())
                    .layout(layout(f));
            if (f == 0) {
                fork.startedAt(startedAt).launch(launch).implementation(implementation).host(host)
                        .calibration(calibration);
            }
            if (f == (ok ? 0 : count - 1)) {
                fork.exitCode(exitCode).errors(errors).otherOutputLines(otherOutputLines)
                        .otherOutputExamples(otherOutputExamples).stderrTail(stderrTail);
            }
            out.add(fork.build());
        }
        return TrialResult.builder().runId(runId).trial(trial).runtime(runtime).name(name).kind(kind)
                .threadCounts(threadCounts).size(size).warmups(warmups).scalingMode(scalingMode).mode(mode)
                .status(status).message(message).startedAt(startedAt).wallSeconds(wallSeconds).probe(probe)
                .forks(out).build();
    }

    /** Fork f's layout record (each carries its fork index), or null. */
    private JsonNode layout(int f) {
        return forkLayouts == null ? null
                : forkLayouts.stream().filter(l -> l.path("fork").asInt(-1) == f).findFirst().orElse(null);
    }
}
