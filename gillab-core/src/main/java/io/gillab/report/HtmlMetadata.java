package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The metadata section of report.html: what each implementation really was (version, GIL, JIT — an
 * interpreter-only GraalPy stands out) and, per run, the machine, the versions and the command line.
 */
final class HtmlMetadata {
    private HtmlMetadata() {
    }

    static void render(ReportModel model, StringBuilder out) {
        out.append("<section id=\"metadata\">\n<h2>Metadata</h2>\n<h3>Implementations</h3>\n");
        Html.table(out, ReportTables.implementations(model), "implementations-table");
        int i = 0;
        for (JsonNode run : model.runs()) {
            out.append("<h3>Run ").append(Html.esc(run.path("run_id").asText("#" + (++i)))).append("</h3>\n");
            out.append("<table class=\"run-table\">\n");
            row(out, "command line", "<code>" + Html.esc(run.path("command_line").asText("-")) + "</code>");
            text(out, "started at", run.path("started_at").asText("-"));
            text(out, "gillab version", run.path("gillab_version").isNull()
                    ? run.path("machine").path("gillab_version").asText("-") : run.path("gillab_version").asText("-"));
            text(out, "Java", run.path("java_version").asText("-"));
            text(out, "OS", run.path("os").asText("-"));
            text(out, "available processors", run.path("available_processors").asText("-"));
            JsonNode m = run.path("machine");
            if (m.isObject()) {
                text(out, "machine", m.path("cpu_model").asText("?") + ", " + m.path("cpu_count").asText("?")
                        + " CPUs, " + gib(m.path("memory_total_bytes")) + " memory, host " + m.path("hostname").asText("?"));
                text(out, "cgroup", m.path("cgroup_version").asText("-") + ", CPU quota "
                        + m.path("cgroup_cpu_quota").asText("none") + ", memory limit "
                        + m.path("cgroup_memory_limit_bytes").asText("none"));
                text(out, "load average at start", m.path("load_average_1_5_15").toString());
                text(out, "CPU governor", m.path("cpu_governor").asText("-"));
            }
            JsonNode o = run.path("options");
            if (o.isObject()) {
                text(out, "shard", o.path("shard").asText("-"));
                text(out, "threads", o.path("threads").toString());
                text(out, "modes", o.path("modes").toString());
                text(out, "measurement", o.path("measurement").toString());
                text(out, "timeout (s)", o.path("timeout_seconds").asText("-"));
            }
            for (Map.Entry<String, JsonNode> rt : run.path("runtimes").properties()) {
                JsonNode a = rt.getValue();
                text(out, "runtime " + rt.getKey(), (a.path("available").asBoolean() ? "available: " : "NOT available: ")
                        + a.path("detail").asText(""));
            }
            out.append("</table>\n");
            out.append("<details><summary>run metadata as recorded</summary><pre>").append(Html.esc(run.toPrettyString()))
                    .append("</pre></details>\n");
        }
        if (model.runs().isEmpty()) {
            out.append("<p>No run-*.json beside the results: machine and command line unknown.</p>\n");
        }
        out.append("</section>\n");
    }

    private static String gib(JsonNode bytes) {
        return bytes.isNumber() ? Fmt.f("%.1f GiB", bytes.asDouble() / (1L << 30)) : "?";
    }

    private static void text(StringBuilder out, String key, String value) {
        row(out, key, Html.esc(value));
    }

    private static void row(StringBuilder out, String key, String html) {
        out.append("<tr><th>").append(Html.esc(key)).append("</th><td>").append(html).append("</td></tr>\n");
    }
}
