package io.gillab.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gillab.model.Fork;
import io.gillab.model.Sample;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a results.jsonl line of schema 1 (gillab before forks were kept as data) into today's model, so that
 * report, merge and --resume read old runs. A schema-1 line is a trial's fields and one process's fields side
 * by side, plus {@code forks} (a count), {@code samples} (all forks', each with its {@code fork} index) and
 * {@code fork_layouts}.
 */
final class SchemaOne {
    static final int SCHEMA = 1;

    private static final List<String> NOT_A_PROCESS_FIELD = List.of("forks", "samples", "fork_layouts");

    private SchemaOne() {
    }

    /**
     * The same trial with one fork per process. Schema 1 kept one set of process metadata: the first fork's
     * start, launch, host, implementation and calibration (those go on fork 0), and the worst fork's exit
     * code, errors, other output and stderr (those go on the fork that decided the status, see
     * {@link TrialResult#decidingFork}). It kept the trial's wall time only: a fork has its own when it was
     * the only one.
     */
    static TrialResult read(ObjectNode line, ObjectMapper json) throws JsonProcessingException {
        ObjectNode fields = line.deepCopy();
        fields.remove(NOT_A_PROCESS_FIELD);
        TrialResult trial = json.treeToValue(fields, TrialResult.class);
        Fork process = json.treeToValue(fields, Fork.class);
        List<Sample> samples = json.convertValue(line.path("samples"), new TypeReference<List<Sample>>() { });
        samples = samples == null ? List.of() : samples;

        int count = Math.max(line.path("forks").asInt(), samples.stream().mapToInt(s -> s.fork() + 1).max().orElse(0));
        int deciding = trial.ok() ? 0 : count - 1;
        Fork none = Fork.builder().build();
        List<Fork> forks = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            int index = f;
            Fork.Builder fork = f == 0 ? process.toBuilder() : Fork.builder();
            Fork outcome = f == deciding ? process : none;
            forks.add(fork.index(f).wallSeconds(count == 1 ? process.wallSeconds() : null)
                    .exitCode(outcome.exitCode()).errors(outcome.errors()).otherOutputLines(outcome.otherOutputLines())
                    .otherOutputExamples(outcome.otherOutputExamples()).stderrTail(outcome.stderrTail())
                    .layout(layout(line, f)).samples(samples.stream().filter(s -> s.fork() == index).toList())
                    .build());
        }
        return trial.toBuilder().schema(TrialResult.SCHEMA).forks(forks).build();
    }

    /** Fork f's entry of fork_layouts (each names its fork), or null. */
    private static JsonNode layout(ObjectNode line, int f) {
        for (JsonNode l : line.path("fork_layouts")) {
            if (l.path("fork").asInt(-1) == f) {
                return l;
            }
        }
        return null;
    }
}
