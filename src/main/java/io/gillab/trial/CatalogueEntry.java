package io.gillab.trial;

import com.fasterxml.jackson.databind.JsonNode;

/** A workload or probe as the driver lists it. */
public record CatalogueEntry(String name, String kind, String description, String prediction, Long defaultSize,
        String file) {

    public boolean isProbe() {
        return "probe".equals(kind);
    }

    static CatalogueEntry fromRecord(JsonNode n) {
        return new CatalogueEntry(n.path("name").asText(), n.path("kind").asText(), n.path("description").asText(""),
                n.path("prediction").asText(""), n.hasNonNull("default_size") ? n.get("default_size").asLong() : null,
                n.path("file").asText(""));
    }
}
