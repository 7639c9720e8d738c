package io.gillab.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gillab.model.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The driver's stdout, understood: its JSON records by type, plus a count of lines that were not
 * records (a workload's own prints, garbage). Only objects carrying {@code "gillab": 1} are records,
 * so a workload that prints JSON of its own cannot forge a sample.
 */
public final class DriverOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_GARBAGE_EXAMPLES = 3;

    private JsonNode host;
    private JsonNode meta;
    private JsonNode probe;
    private JsonNode end;
    private JsonNode calibration;
    private JsonNode layout;
    private final List<Sample> samples = new ArrayList<>();
    private final List<JsonNode> errors = new ArrayList<>();
    private final List<JsonNode> catalogue = new ArrayList<>();
    private final List<JsonNode> loading = new ArrayList<>();
    private long otherLines;
    private final List<String> otherExamples = new ArrayList<>();

    public static DriverOutput parse(List<String> lines) {
        DriverOutput out = new DriverOutput();
        for (String line : lines) {
            out.accept(line);
        }
        return out;
    }

    private void accept(String line) {
        JsonNode node = parseRecord(line);
        if (node == null) {
            if (!line.isBlank()) {
                otherLines++;
                if (otherExamples.size() < KEPT_GARBAGE_EXAMPLES) {
                    otherExamples.add(line.length() > 200 ? line.substring(0, 200) + "..." : line);
                }
            }
            return;
        }
        switch (node.path("record").asText()) {
            case "host" -> host = node;
            case "meta" -> meta = node;
            case "probe" -> probe = node;
            case "end" -> end = node;
            case "calibration" -> calibration = node;
            case "layout" -> layout = node;
            case "error" -> errors.add(node);
            case "catalogue" -> catalogue.add(node);
            case "loading" -> loading.add(node);
            case "sample" -> samples.add(sample(node));
            default -> otherLines++;
        }
    }

    private static Sample sample(JsonNode node) {
        Map<String, Double> metrics = null;
        if (node.path("metrics").isObject()) {
            metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> m : node.get("metrics").properties()) {
                if (m.getValue().isNumber()) {
                    metrics.put(m.getKey(), m.getValue().asDouble());
                }
            }
        }
        JsonNode cpu = node.path("cpu_seconds");
        JsonNode jitWait = node.path("jit_wait_seconds");
        JsonNode jitBusy = node.path("jit_busy");
        JsonNode timedOn = node.path("timed_on");
        return new Sample(node.path("index").asInt(), node.path("warmup").asBoolean(),
                node.path("seconds").asDouble(Double.NaN), node.path("threads").asInt(), node.path("size").asLong(),
                cpu.isNumber() ? cpu.asDouble() : null, metrics, 0,
                jitWait.isNumber() ? jitWait.asDouble() : null, jitBusy.isBoolean() ? jitBusy.asBoolean() : null,
                timedOn.isTextual() ? timedOn.asText() : null);
    }

    private static JsonNode parseRecord(String line) {
        String s = line.strip();
        if (!s.startsWith("{") || !s.contains("\"gillab\"")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(s);
            return node != null && node.isObject() && node.path("gillab").asInt() == 1 ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    public Optional<JsonNode> host() {
        return Optional.ofNullable(host);
    }

    public Optional<JsonNode> meta() {
        return Optional.ofNullable(meta);
    }

    public Optional<JsonNode> calibration() {
        return Optional.ofNullable(calibration);
    }

    /** The driver's layout record: what the process randomised and which thread timed 1-thread samples. */
    public Optional<JsonNode> layout() {
        return Optional.ofNullable(layout);
    }

    /** {@code list}: the files whose import started, in order (the last one may have ended the process). */
    public List<JsonNode> loading() {
        return loading;
    }

    public Optional<JsonNode> probe() {
        return Optional.ofNullable(probe);
    }

    /** True when the driver reached its end record: everything it meant to say was said. */
    public boolean finished() {
        return end != null;
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    public List<Double> measuredSeconds() {
        return samples.stream().filter(s -> !s.warmup()).map(Sample::seconds).toList();
    }

    public List<Double> warmupSeconds() {
        return samples.stream().filter(Sample::warmup).map(Sample::seconds).toList();
    }

    public List<JsonNode> errors() {
        return List.copyOf(errors);
    }

    public List<JsonNode> catalogue() {
        return List.copyOf(catalogue);
    }

    /** Lines that were not gillab records: a workload's own output, or garbage. */
    public long otherLines() {
        return otherLines;
    }

    public List<String> otherExamples() {
        return List.copyOf(otherExamples);
    }

    /** A one-line description of the first error record: "TypeName: message (file:line)". */
    public static String describeError(JsonNode error) {
        StringBuilder sb = new StringBuilder();
        String stage = error.path("stage").asText("");
        if (!stage.isEmpty()) {
            sb.append(stage).append(" error: ");
        }
        sb.append(error.path("exception").asText("Error")).append(": ").append(error.path("message").asText(""));
        if (error.hasNonNull("file")) {
            sb.append(" (").append(error.path("file").asText());
            if (error.hasNonNull("line")) {
                sb.append(':').append(error.path("line").asInt());
            } else if ("ContractError".equals(error.path("exception").asText())) {
                int line = contractLine(error.path("file").asText(), error.path("message").asText(""));
                if (line > 0) {
                    sb.append(':').append(line);
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * The line of a contract problem the driver reports without one ("KIND must be one of ...",
     * "DEFAULT_SIZE must be ..."): where the file assigns or defines the name the first problem starts with;
     * 0 when the name is not in the file (a missing {@code run(size)} has no line).
     */
    static int contractLine(String file, String message) {
        int at = message.indexOf("contract: ");
        String problems = at >= 0 ? message.substring(at + "contract: ".length()) : message;
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(problems);
        if (!name.find()) {
            return 0;
        }
        java.util.regex.Pattern where = java.util.regex.Pattern.compile(
                "^(" + name.group(1) + "\\s*=|def\\s+" + name.group(1) + "\\s*\\()");
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                if (where.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // no line, then
        }
        return 0;
    }
}
