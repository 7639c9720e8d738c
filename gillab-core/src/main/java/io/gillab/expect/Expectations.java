package io.gillab.expect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gillab.model.TrialResult;
import io.gillab.model.ExecutionMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expectations table ({@code gillab-core/src/main/resources/io/gillab/expect/expectations.yaml}): for every probe and for the
 * scaling direction of every workload, what each implementation is expected to do, and the seed's
 * claims beside them. Used by the comparison test suite (assertions) and by the reports (the
 * behaviour matrix).
 *
 * <p>The file's format is described at its top. A table that does not load names the file, the line of
 * the row and what is wrong with it.
 */
public final class Expectations {
    /** The bundled table's resource name. */
    public static final String RESOURCE = "io/gillab/expect/expectations.yaml";
    /** Where the table is in gillab's checkout, for messages. */
    public static final String SOURCE = "gillab-core/src/main/resources/" + RESOURCE;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROW_KEYS = Set.of("check", "subject", "observe", "mode", "min_cores", "tolerance",
            "expect", "claim", "predict", "reason", "source", "tags");

    private final Map<String, Claim> claims;
    private final List<Check> checks;

    public Expectations(Map<String, Claim> claims, List<Check> checks) {
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        this.checks = List.copyOf(checks);
    }

    /** The table bundled with gillab. */
    public static Expectations load() {
        try (InputStream in = Expectations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A table from a file (e.g. a user's own expectations). */
    public static Expectations load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /**
     * Reads a table.
     *
     * @param yaml the text
     * @param name the file's name, for error messages
     * @throws IllegalArgumentException naming the file, the line and the problem
     */
    public static Expectations parse(String yaml, String name) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        List<Check> checks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(name + ": expected a map with 'claims' and 'checks' at the top");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int fieldLine = p.currentLocation().getLineNr();
                p.nextToken();
                switch (field) {
                    case "claims" -> {
                        JsonNode c = YAML.readTree(p);
                        if (!c.isObject()) {
                            throw new IllegalArgumentException(name + ":" + fieldLine + ": 'claims' must be a map");
                        }
                        for (var e : c.properties()) {
                            JsonNode v = e.getValue();
                            if (!v.path("text").isTextual()) {
                                throw new IllegalArgumentException(name + ": claim '" + e.getKey() + "' needs a text");
                            }
                            String at = name + ": claim '" + e.getKey() + "'";
                            claims.put(e.getKey(), new Claim(e.getKey(), v.get("text").asText().strip(),
                                    v.path("source").isTextual() ? v.get("source").asText().strip() : null,
                                    ClaimScope.parse(v.get("scope"), at), ClaimControl.parse(v.get("control"), at)));
                        }
                    }
                    case "checks" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new IllegalArgumentException(name + ":" + fieldLine + ": 'checks' must be a list");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int line = p.currentLocation().getLineNr();
                            JsonNode row = YAML.readTree(p);
                            String where = name + ":" + line;
                            Check check = row(row, where);
                            if (!names.add(check.name())) {
                                throw new IllegalArgumentException(where + ": check '" + check.name()
                                        + "' appears twice; names must be unique");
                            }
                            checks.add(check);
                        }
                    }
                    default -> {
                        if (!field.startsWith("x-")) {
                            throw new IllegalArgumentException(name + ":" + fieldLine + ": unknown top-level key '"
                                    + field + "' (expected claims, checks)");
                        }
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException(name + (loc == null ? "" : ":" + loc.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Check c : checks) {
            if (c.claim() != null && !claims.containsKey(c.claim())) {
                throw new IllegalArgumentException(name + ": check '" + c.name() + "' names claim '" + c.claim()
                        + "', which the claims section does not define (defined: " + claims.keySet() + ")");
            }
        }
        for (Claim claim : claims.values()) {
            for (String k : claim.control() == null ? List.<String>of() : claim.control().checks()) {
                if (checks.stream().noneMatch(c -> c.name().equals(k) && claim.id().equals(c.claim()))) {
                    throw new IllegalArgumentException(name + ": claim '" + claim.id() + "' has control check '" + k
                            + "', which is not a row of that claim");
                }
            }
        }
        return new Expectations(claims, checks);
    }

    private static Check row(JsonNode row, String where) {
        if (!row.isObject()) {
            throw new IllegalArgumentException(where + ": a check must be a map");
        }
        String checkName = row.path("check").asText("");
        String at = where + " (check '" + checkName + "')";
        if (!checkName.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(where + ": 'check' must be a lower_snake_case name, not '" + checkName + "'");
        }
        for (var it = row.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!ROW_KEYS.contains(f)) {
                throw new IllegalArgumentException(at + ": unknown key '" + f + "' (known: " + String.join(", ",
                        ROW_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String subject = row.path("subject").asText("");
        if (subject.isBlank()) {
            throw new IllegalArgumentException(at + ": 'subject' (the probe or workload) is missing");
        }
        if (!row.path("observe").isTextual()) {
            throw new IllegalArgumentException(at + ": 'observe' is missing");
        }
        Observation observe = Observation.parse(row.get("observe").asText(), at);
        String mode = row.path("mode").asText(ExecutionMode.THREADS);
        int minCores = row.path("min_cores").asInt(0);
        Matcher.Tolerance tol = Matcher.Tolerance.parse(row.get("tolerance"));
        if (!row.path("expect").isObject() || row.get("expect").isEmpty()) {
            throw new IllegalArgumentException(at + ": 'expect' must map runtimes to expectations");
        }
        Map<String, Matcher> expect = cells(row.get("expect"), tol, at + ", expect");
        String claim = row.hasNonNull("claim") ? row.get("claim").asText() : null;
        Map<String, Matcher> predict = row.path("predict").isObject() ? cells(row.get("predict"), tol, at + ", predict")
                : Map.of();
        if (!predict.isEmpty() && claim == null) {
            throw new IllegalArgumentException(at + ": 'predict' needs a 'claim' whose prediction it is");
        }
        List<String> tags = new ArrayList<>();
        tags.add(observe.isScaling() ? "scaling" : "behaviour");
        row.path("tags").forEach(t -> {
            if (!tags.contains(t.asText())) {
                tags.add(t.asText());
            }
        });
        return new Check(checkName, subject, observe, mode, minCores, expect, claim, predict,
                row.hasNonNull("reason") ? row.get("reason").asText().strip() : null,
                row.hasNonNull("source") ? row.get("source").asText().strip() : null, List.copyOf(tags));
    }

    private static Map<String, Matcher> cells(JsonNode map, Matcher.Tolerance tol, String where) {
        Map<String, Matcher> out = new LinkedHashMap<>();
        for (var e : map.properties()) {
            String key = e.getKey().strip();
            if (!key.equals("*") && !key.matches("[a-z][a-z0-9_-]*(:[A-Za-z0-9_.+/-]+)?")) {
                throw new IllegalArgumentException(where + ": '" + key + "' is not a runtime id, family or *");
            }
            out.put(key, Matcher.parse(e.getValue(), tol, where + "." + key));
        }
        return out;
    }

    public List<Check> checks() {
        return checks;
    }

    public Map<String, Claim> claims() {
        return claims;
    }

    /** The rows reading one probe or workload. */
    public List<Check> checksFor(String subject) {
        return checks.stream().filter(c -> c.subject().equals(subject)).toList();
    }

    public Check check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check '" + name + "' in the table"));
    }

    /** Every expectation that applies to one of these results, judged. */
    public List<Verdict> judge(List<TrialResult> results) {
        List<Verdict> out = new ArrayList<>();
        for (TrialResult r : results) {
            for (Check c : checks) {
                if (applies(c, r)) {
                    out.add(judge(c, r));
                }
            }
        }
        return ClaimControl.annotate(this, results, out);
    }

    /** Whether a row judges a trial: same subject and mode, and a cell for its runtime. */
    public static boolean applies(Check c, TrialResult r) {
        return c.subject().equals(r.name()) && c.mode().equals(r.executionMode())
                && c.expectationFor(r.runtime(), r.implementation()) != null;
    }

    /** One row judged on one trial (the row must apply to it). */
    public Verdict judge(Check c, TrialResult r) {
        Matcher expected = c.expectationFor(r.runtime(), r.implementation());
        if (expected == null) {
            throw new IllegalArgumentException("check " + c.name() + " says nothing about " + r.runtime());
        }
        Matcher predicted = c.predictionFor(r.runtime(), r.implementation());
        Claim claim = c.claim() == null ? null : claims.get(c.claim());
        String reason = expected.reason() != null ? expected.reason() : c.reason();
        String tolerance = expected.tolerance() == null ? null : expected.tolerance().toString();
        Observed o;
        if (r.status() != TrialResult.Status.ok) {
            o = Observed.none("trial " + r.status() + (r.message() == null ? "" : ": " + r.message()),
                    "trial " + r.trial() + " " + r.status() + (r.message() == null ? "" : ": " + r.message())
                            + (r.stderrTail() == null || r.stderrTail().isBlank() ? ""
                                    : "; stderr: " + clip(r.stderrTail(), 800)));
        } else {
            o = c.observe().read(r);
            int cores = r.cores();
            if (o.noData() == null && c.minCores() > 0 && cores > 0 && cores < c.minCores()) {
                o = Observed.none("needs " + c.minCores() + " cores, the trial had " + cores, o.detail());
            }
        }
        Verdict.Outcome outcome = o.noData() != null ? Verdict.Outcome.NO_DATA
                : expected.consistent(o) ? Verdict.Outcome.MATCH : Verdict.Outcome.MISMATCH;
        // outside the claim's scope the observation neither confirms nor contradicts it; inside, the claim is
        // judged on the point estimate (the interval only protects the table's cells from noise)
        String notApplicable = claim == null ? null : claim.notApplicable(r.runtime(), r.implementation());
        Boolean holds = predicted == null || o.noData() != null || notApplicable != null ? null : predicted.test(o);
        String observed = o.noData() != null ? "no data (" + o.noData() + ")" : o.words();
        return new Verdict(c.name(), c.subject(), r.trial(), r.runtime(), observed, expected.describe(), tolerance,
                outcome, o.detail(), claim == null ? null : claim.text(), predicted == null ? null : predicted.describe(),
                holds, c.source() != null ? c.source() : claim == null ? null : claim.source(), reason, notApplicable,
                null);
    }

    private static String clip(String s, int max) {
        s = s.strip();
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }
}
