package io.gillab.report;

import com.fasterxml.jackson.databind.JsonNode;

/** A probe's structured result in a few words, for tables. */
public final class ProbeAnswer {
    private ProbeAnswer() {
    }

    public static String describe(JsonNode result) {
        if (result == null || result.isNull()) {
            return "-";
        }
        if (result.has("exception")) {
            String msg = result.path("message").asText("");
            return "raises " + result.get("exception").asText() + (msg.isEmpty() ? "" : " (" + msg + ")");
        }
        if (result.has("value")) {
            return result.get("value").toString();
        }
        return result.toString();
    }
}
