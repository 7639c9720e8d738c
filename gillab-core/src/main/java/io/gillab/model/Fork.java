package io.gillab.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One worker process of a trial, as it ran: its own start, life, launch and host records, what the driver
 * said about the implementation, its calibration, errors and samples (pyperf keeps a run per process the
 * same way). Only the first fork of a workload calibrates; later ones reuse its size.
 *
 * @param layout what gillab randomised for this process and what the driver's layout record says it did
 *               (see io.gillab.trial.ForkLayout#record); null for probes and results from before it existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fork(
        int index,
        String startedAt,
        Double wallSeconds,
        Integer exitCode,
        Map<String, Object> launch,
        JsonNode implementation,
        JsonNode host,
        JsonNode calibration,
        List<JsonNode> errors,
        JsonNode layout,
        Long otherOutputLines,
        List<String> otherOutputExamples,
        String stderrTail,
        List<Sample> samples) {

    public Fork {
        errors = errors == null ? List.of() : errors;
        // a sample knows its fork: the one it sits in (schema 2 does not repeat it on every sample)
        samples = samples == null ? List.of() : samples.stream().map(s -> s.withFork(index)).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().index(index).startedAt(startedAt).wallSeconds(wallSeconds).exitCode(exitCode)
                .launch(launch).implementation(implementation).host(host).calibration(calibration).errors(errors)
                .layout(layout).otherOutputLines(otherOutputLines).otherOutputExamples(otherOutputExamples)
                .stderrTail(stderrTail).samples(samples);
    }

    /** Seconds this fork spent calibrating its size (the driver's calibration runs; 0 for later forks). */
    public double calibrationSeconds() {
        double s = 0;
        if (calibration != null) {
            for (JsonNode run : calibration.path("runs")) {
                s += run.path(1).asDouble(0);
            }
        }
        return s;
    }

    /** Builds a fork field by field. */
    public static final class Builder {
        private int index;
        private String startedAt;
        private Double wallSeconds;
        private Integer exitCode;
        private Map<String, Object> launch;
        private JsonNode implementation;
        private JsonNode host;
        private JsonNode calibration;
        private List<JsonNode> errors;
        private JsonNode layout;
        private Long otherOutputLines;
        private List<String> otherOutputExamples;
        private String stderrTail;
        private List<Sample> samples;

        private Builder() {
        }

        public Builder index(int v) {
            index = v;
            return this;
        }

        public Builder startedAt(String v) {
            startedAt = v;
            return this;
        }

        public Builder wallSeconds(Double v) {
            wallSeconds = v;
            return this;
        }

        public Builder exitCode(Integer v) {
            exitCode = v;
            return this;
        }

        public Builder launch(Map<String, Object> v) {
            launch = v;
            return this;
        }

        public Builder implementation(JsonNode v) {
            implementation = v;
            return this;
        }

        public Builder host(JsonNode v) {
            host = v;
            return this;
        }

        public Builder calibration(JsonNode v) {
            calibration = v;
            return this;
        }

        public Builder errors(List<JsonNode> v) {
            errors = v;
            return this;
        }

        public Builder layout(JsonNode v) {
            layout = v;
            return this;
        }

        public Builder otherOutputLines(Long v) {
            otherOutputLines = v;
            return this;
        }

        public Builder otherOutputExamples(List<String> v) {
            otherOutputExamples = v;
            return this;
        }

        public Builder stderrTail(String v) {
            stderrTail = v;
            return this;
        }

        public Builder samples(List<Sample> v) {
            samples = v;
            return this;
        }

        public Fork build() {
            return new Fork(index, startedAt, wallSeconds, exitCode, launch, implementation, host, calibration, errors,
                    layout, otherOutputLines, otherOutputExamples, stderrTail, samples);
        }
    }
}
