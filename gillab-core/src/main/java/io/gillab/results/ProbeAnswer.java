package io.gillab.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A probe's structured result in a few words, for tables: the headline figures of each known probe,
 * the whole result (as JSON) for any other. The full result is always in results.jsonl.
 */
public final class ProbeAnswer {
    private ProbeAnswer() {
    }

    public static String describe(JsonNode result) {
        return describe(null, result);
    }

    public static String describe(String probe, JsonNode r) {
        if (r == null || r.isNull()) {
            return "-";
        }
        if (probe != null) {
            String headline = switch (probe) {
                case "finalization" -> "__del__ " + r.path("del").asText("?") + ", weakref callback "
                        + r.path("weakref_callback").asText("?") + ", cycle with __del__ "
                        + r.path("cycle_with_del").asText("?");
                case "memory_reclaim" -> r.path("flat").isBoolean()
                        ? (r.path("flat").asBoolean() ? "flat" : "grows") + String.format(": peak +%.1f objects of %d (%s)",
                                r.path("peak_growth_objects").asDouble(), r.path("objects").asInt(),
                                r.path("method").asText())
                        : null;
                case "races" -> "lost updates: += " + lost(r, "counter_inplace") + ", read-call-write "
                        + lost(r, "counter_read_call_write") + " (lowered switching: "
                        + lost(r, "counter_inplace_lowered") + ", " + lost(r, "counter_read_call_write_lowered")
                        + "); dict mutated while iterated: "
                        + r.path("dict_iteration").path("first_exception").asText("no exception");
                case "runtime_facts" -> runtimeFacts(r);
                default -> null;
            };
            if (headline != null) {
                return headline;
            }
        }
        if (r.has("exception")) {
            String msg = r.path("message").asText("");
            return "raises " + r.get("exception").asText() + (msg.isEmpty() ? "" : " (" + msg + ")");
        }
        if (r.has("value")) {
            return r.get("value").toString();
        }
        return r.toString();
    }

    private static String lost(JsonNode r, String part) {
        JsonNode p = r.path(part);
        if (p.isMissingNode() || p.isNull()) {
            return "-";
        }
        return p.path("lost").asText("?") + (p.path("complete").asBoolean(true) ? "" : " (cut short)");
    }

    private static String runtimeFacts(JsonNode r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.path("switchinterval").isNumber() ? "switch interval " + r.path("switchinterval").asText()
                : "check interval " + r.path("checkinterval").asText("-"));
        parts.add("recursion limit " + r.path("recursion_limit").asText("?"));
        List<String> has = new ArrayList<>();
        r.path("imports").properties().forEach(e -> {
            if (e.getValue().path("ok").asBoolean()) {
                has.add(e.getKey());
            }
        });
        parts.add("has " + (has.isEmpty() ? "none of the optional modules" : String.join(", ", has)));
        return String.join("; ", parts);
    }
}
