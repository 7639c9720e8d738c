package io.gillab.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.gillab.model.TrialResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of a claim judged against a control ({@code control:} under a claim in the table): the same row
 * observed, in the same run, on a runtime outside the claim's scope.
 *
 * <p>Method: the row's value is a ratio (the convoy's p99 latency with one CPU-bound thread over that
 * with none). On a runtime outside the scope (Jython, no GIL) it measures what the CPU-bound thread costs
 * the I/O thread without the scope's cause: runnable threads sharing the cores, the scheduler, the load
 * of the machine. Inside the scope the ratio has that factor and the cause's on top; taking the two as
 * factors, the runtime's ratio over the control's is the cause's share (the GIL's share). Only a control
 * from the same run counts, as load and machine change between runs. It is a ratio of two ratios, a point
 * estimate without an interval, and the control is another implementation (its CPU-bound thread runs
 * at its own speed).
 *
 * @param checks the rows judged against a control; each must test this claim
 * @param share  how the report names the ratio, e.g. {@code the GIL's share}
 * @param reason why the control says something, in a sentence
 */
public record ClaimControl(List<String> checks, String share, String reason) {

    /** The verdicts, with the control text on each that has one (the rows of claims with a control). */
    static List<Verdict> annotate(Expectations table, List<TrialResult> results, List<Verdict> verdicts) {
        Map<String, TrialResult> byTrial = new HashMap<>();
        results.forEach(r -> byTrial.put(r.trial(), r));
        List<Verdict> out = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            Check c = table.checks().stream().filter(k -> k.name().equals(v.check())).findFirst().orElse(null);
            Claim claim = c == null || c.claim() == null ? null : table.claims().get(c.claim());
            ClaimControl control = claim == null ? null : claim.control();
            String text = control == null || !control.checks().contains(v.check()) ? null
                    : control.describe(c, claim.scope(), v, verdicts, byTrial);
            out.add(text == null ? v : v.withControl(text));
        }
        return out;
    }

    /** The line for one verdict inside the scope, or null when there is no value or no control. */
    private String describe(Check c, ClaimScope scope, Verdict v, List<Verdict> all, Map<String, TrialResult> byTrial) {
        Double value = value(c, v, byTrial);
        if (v.notApplicable() != null || value == null) {
            return null;
        }
        String run = byTrial.get(v.trial()).runId();
        List<String> same = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Verdict w : all) {
            Double cv = w.check().equals(v.check()) && w.notApplicable() != null ? value(c, w, byTrial) : null;
            if (cv == null || cv <= 0) {
                continue;
            }
            String runId = byTrial.get(w.trial()).runId();
            if (java.util.Objects.equals(run, runId)) {
                same.add(String.format(Locale.ROOT, "%.2fx on %s (%s) in the same run: %s %.2fx", cv, w.runtime(),
                        scope.outside(), share, value / cv));
            } else {
                other.add(String.format(Locale.ROOT, "%s's %.2fx is from run %s", w.runtime(), cv, runId));
            }
        }
        String head = String.format(Locale.ROOT, "%s %.2fx", v.check(), value);
        if (!same.isEmpty()) {
            return head + " vs " + String.join("; vs ", same);
        }
        return other.isEmpty() ? null : head + "; no control (" + scope.outside() + ") in the same run to give "
                + share + ": " + String.join(", ", other);
    }

    /** The row's number on the verdict's trial, or null (no data, not a number). */
    private static Double value(Check c, Verdict v, Map<String, TrialResult> byTrial) {
        TrialResult r = byTrial.get(v.trial());
        if (v.outcome() == Verdict.Outcome.NO_DATA || r == null || !r.runtime().equals(v.runtime())) {
            return null;
        }
        return c.observe().read(r).number();
    }

    static ClaimControl parse(JsonNode n, String where) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (!n.path("checks").isArray() || n.get("checks").isEmpty() || !n.path("share").isTextual()) {
            throw new IllegalArgumentException(where + ": control needs 'checks' (rows of this claim) and 'share'"
                    + " (how the report names the ratio)");
        }
        List<String> checks = new ArrayList<>();
        n.get("checks").forEach(k -> checks.add(k.asText().strip()));
        return new ClaimControl(List.copyOf(checks), n.get("share").asText().strip(),
                n.hasNonNull("reason") ? n.get("reason").asText().strip() : null);
    }
}
