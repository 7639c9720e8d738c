package io.gillab.trial;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload or probe as the driver lists it.
 *
 * @param threads the thread counts the workload declares for itself (e.g. the convoy's 0, 1, 2 CPU
 *                threads), or null to use the run's {@code --threads}
 */
public record CatalogueEntry(String name, String kind, String description, String prediction, Long defaultSize,
        String file, List<Integer> threads) {

    public boolean isProbe() {
        return "probe".equals(kind);
    }

    static CatalogueEntry fromRecord(JsonNode n) {
        List<Integer> threads = null;
        if (n.path("threads").isArray()) {
            threads = new ArrayList<>();
            for (JsonNode t : n.get("threads")) {
                threads.add(t.asInt());
            }
        }
        return new CatalogueEntry(n.path("name").asText(), n.path("kind").asText(), n.path("description").asText(""),
                n.path("prediction").asText(""), n.hasNonNull("default_size") ? n.get("default_size").asLong() : null,
                n.path("file").asText(""), threads);
    }
}
