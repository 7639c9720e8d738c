package io.gillab.report;

import io.gillab.expect.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seed's (and the literature's) claims, one line each: which implementations the observations
 * confirm it for and which contradict it, with the observation that contradicts. A claim counts as
 * contradicted for a runtime when any of its checks contradicts it there. Outside a claim's scope (a
 * GIL claim on a runtime without a GIL) it is neither: "not applicable", with the reason. Where a row
 * is judged against a control runtime of the same run, the line gives that too (the GIL's share).
 */
public final class SeedClaims {

    /**
     * One claim's verdict per runtime.
     *
     * @param contradicted  runtime -> the contradicting observations
     * @param notApplicable runtime -> why the claim does not apply there (no verdict of its own applied)
     * @param controls      runtime -> its observations against a control runtime
     */
    public record Line(String claim, List<String> confirmed, Map<String, String> contradicted,
            Map<String, String> notApplicable, Map<String, String> controls) {
    }

    private SeedClaims() {
    }

    public static List<Line> of(List<Verdict> verdicts) {
        Map<String, Map<String, List<Verdict>>> byClaim = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            if (v.claim() != null && (v.claimHolds() != null || v.notApplicable() != null)) {
                byClaim.computeIfAbsent(v.claim(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(v.runtime(), k -> new ArrayList<>()).add(v);
            }
        }
        List<Line> lines = new ArrayList<>();
        byClaim.forEach((claim, perRuntime) -> {
            List<String> confirmed = new ArrayList<>();
            Map<String, String> contradicted = new LinkedHashMap<>();
            Map<String, String> notApplicable = new LinkedHashMap<>();
            Map<String, String> controls = new LinkedHashMap<>();
            perRuntime.forEach((runtime, vs) -> {
                List<Verdict> judged = vs.stream().filter(v -> v.claimHolds() != null).toList();
                List<String> against = judged.stream().filter(v -> !v.claimHolds())
                        .map(v -> v.check() + " = " + v.observed() + " (predicted " + v.prediction() + ")").toList();
                if (judged.isEmpty()) {
                    notApplicable.put(runtime, String.join("; ", new LinkedHashSet<>(vs.stream()
                            .map(Verdict::notApplicable).filter(Objects::nonNull).toList())));
                } else if (against.isEmpty()) {
                    confirmed.add(runtime);
                } else {
                    contradicted.put(runtime, String.join("; ", against));
                }
                List<String> control = judged.stream().map(Verdict::control).filter(Objects::nonNull).toList();
                if (!control.isEmpty()) {
                    controls.put(runtime, String.join("; ", control));
                }
            });
            lines.add(new Line(claim, confirmed, contradicted, notApplicable, controls));
        });
        return lines;
    }

    /** For the terminal: each claim, then the runtimes it holds for and those it does not, with why. */
    public static String renderText(List<Verdict> verdicts) {
        List<Line> lines = of(verdicts);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Seed claims, judged on these results (" + io.gillab.expect.Expectations.SOURCE + ")\n");
        for (Line l : lines) {
            sb.append("- ").append(l.claim()).append('\n');
            if (!l.confirmed().isEmpty()) {
                sb.append("    confirmed:      ").append(String.join(", ", l.confirmed())).append('\n');
            }
            l.contradicted().forEach((rt, why) -> sb.append("    CONTRADICTED:   ").append(rt).append(": ")
                    .append(why).append('\n'));
            l.notApplicable().forEach((rt, why) -> sb.append("    not applicable: ").append(rt).append(": ")
                    .append(why).append('\n'));
            l.controls().forEach((rt, text) -> sb.append("    control:        ").append(rt).append(": ")
                    .append(text).append('\n'));
        }
        return sb.toString();
    }

    /** For report.md: a table of claim, confirmed for, contradicted for (with the observation), and so on. */
    static String renderMarkdown(List<Verdict> verdicts) {
        List<Line> lines = of(verdicts);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Seed claims\n\n| claim | confirmed for | contradicted for | "
                + "not applicable to | against a control |\n| --- | --- | --- | --- | --- |\n");
        for (Line l : lines) {
            sb.append("| ").append(MarkdownReport.esc(l.claim())).append(" | ")
                    .append(MarkdownReport.esc(String.join(", ", l.confirmed()))).append(" | ")
                    .append(cell(l.contradicted())).append(" | ").append(cell(l.notApplicable())).append(" | ")
                    .append(cell(l.controls())).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    private static String cell(Map<String, String> byRuntime) {
        List<String> parts = new ArrayList<>();
        byRuntime.forEach((rt, why) -> parts.add("**" + rt + "**: " + MarkdownReport.esc(why)));
        return parts.isEmpty() ? " " : String.join("<br>", parts);
    }
}
