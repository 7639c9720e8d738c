package io.gillab.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Merges result sets from several runs — CI matrix shards, or runs on different machines — into one,
 * keeping every run's metadata. It refuses to mix silently: the same trial in two sets, or runs whose
 * measurement settings differ (so their numbers would not compare), is an error that says what differs.
 * Different machines are allowed, and reported as a note, since comparing machines is a use of merge.
 */
public final class ResultMerge {
    private ResultMerge() {
    }

    /** Why sets cannot be merged, in words that name the directories and the differing settings. */
    public static final class IncompatibleResults extends Exception {
        public IncompatibleResults(String message) {
            super(message);
        }
    }

    /** The merged trials and runs, plus notes on what differs but may legitimately differ. */
    public record Merged(List<TrialResult> results, List<JsonNode> runs, List<String> notes) {
    }

    /** Options that must agree for numbers from two runs to sit in one table. */
    static final List<String> MEASUREMENT_OPTIONS = List.of("measurement", "threads", "timeout_seconds",
            "container_cpus", "container_memory_bytes");

    public static Merged merge(List<ResultSet> sets, boolean allowMixedSettings) throws IncompatibleResults {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, ResultSet> owner = new LinkedHashMap<>();
        List<TrialResult> results = new ArrayList<>();
        List<JsonNode> runs = new ArrayList<>();
        for (ResultSet set : sets) {
            for (TrialResult r : set.results()) {
                if (r.schema() != TrialResult.SCHEMA) {
                    problems.add(set.dir() + ": trial " + r.trial() + " has results schema " + r.schema()
                            + ", this gillab reads " + TrialResult.SCHEMA);
                }
                ResultSet first = owner.putIfAbsent(r.trial(), set);
                if (first != null) {
                    problems.add("trial " + r.trial() + " is in both " + first.dir() + " and " + set.dir()
                            + " (overlapping shards, or the same run given twice)");
                } else {
                    results.add(r);
                }
            }
            runs.addAll(set.runs());
        }
        compareSettings(sets, problems, notes, allowMixedSettings);
        if (!problems.isEmpty()) {
            throw new IncompatibleResults(String.join("\n", problems));
        }
        List<TrialResult> ordered = shardOrder(sets);
        return new Merged(ordered != null ? ordered : results, runs, notes);
    }

    /**
     * When the sets are the shards 1/n..n/n of one matrix, deals their trials back into matrix order
     * (the inverse of {@code Shard.select}), so the merged report reads like a single run's. Null when
     * they are not such shards.
     */
    static List<TrialResult> shardOrder(List<ResultSet> sets) {
        int n = -1;
        List<List<TrialResult>> byShard = new ArrayList<>();
        for (ResultSet set : sets) {
            String shard = set.runs().isEmpty() ? "" : set.runs().get(0).path("options").path("shard").asText("");
            String[] parts = shard.split("/");
            if (parts.length != 2) {
                return null;
            }
            int i = Integer.parseInt(parts[0].strip());
            int count = Integer.parseInt(parts[1].strip());
            if ((n != -1 && n != count) || count != sets.size()) {
                return null;
            }
            n = count;
            while (byShard.size() < n) {
                byShard.add(null);
            }
            if (byShard.get(i - 1) != null) {
                return null;
            }
            byShard.set(i - 1, set.results());
        }
        List<TrialResult> out = new ArrayList<>();
        int[] next = new int[n];
        for (boolean any = true; any; ) {
            any = false;
            for (int s = 0; s < n; s++) {
                if (next[s] < byShard.get(s).size()) {
                    out.add(byShard.get(s).get(next[s]++));
                    any = true;
                }
            }
        }
        return out;
    }

    private static void compareSettings(List<ResultSet> sets, List<String> problems, List<String> notes,
            boolean allowMixed) {
        ResultSet base = sets.get(0);
        JsonNode baseRun = base.runs().isEmpty() ? null : base.runs().get(0);
        for (ResultSet set : sets.subList(1, sets.size())) {
            if (set.runs().isEmpty() || baseRun == null) {
                notes.add("no run-*.json in " + (baseRun == null ? base.dir() : set.dir())
                        + ": its settings could not be compared");
                continue;
            }
            JsonNode run = set.runs().get(0);
            for (String key : MEASUREMENT_OPTIONS) {
                JsonNode a = baseRun.path("options").path(key);
                JsonNode b = run.path("options").path(key);
                if (!Objects.equals(a, b)) {
                    String what = key + " differs: " + a + " in " + base.dir() + ", " + b + " in " + set.dir();
                    if (allowMixed) {
                        notes.add("mixed on request: " + what);
                    } else {
                        problems.add(what + " (numbers measured differently would sit in one table; "
                                + "rerun with the same options, or pass --allow-mixed to merge anyway)");
                    }
                }
            }
            String machineA = machine(baseRun);
            String machineB = machine(run);
            if (!machineA.equals(machineB)) {
                notes.add("different machines: " + machineA + " (" + base.dir() + ") and " + machineB + " ("
                        + set.dir() + "); each trial keeps its run's machine in the report");
            }
        }
        TreeSet<String> versions = new TreeSet<>();
        for (ResultSet s : sets) {
            s.runs().forEach(r -> versions.add(r.path("gillab_version").asText("development build")));
        }
        if (versions.size() > 1) {
            notes.add("runs come from different gillab versions: " + String.join(", ", versions));
        }
    }

    /** The machine in a few words: host name, CPU model and cores, as MachineInfo recorded them. */
    static String machine(JsonNode run) {
        JsonNode m = run.path("machine");
        return m.path("hostname").asText("unknown host") + ": " + m.path("cpu_model").asText("unknown CPU") + ", "
                + m.path("cpu_count").asText(run.path("available_processors").asText("?")) + " cores";
    }
}
