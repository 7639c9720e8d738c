package io.gillab.report;

import io.gillab.expect.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's (and the literature's) claims, one line each: which implementations the observations
 * confirm it for and which contradict it, with the observation that contradicts. A claim counts as
 * contradicted for a runtime when any of its checks contradicts it there.
 */
public final class SeedClaims {

    /** One claim's verdict per runtime; {@code evidence} is the contradicting observations. */
    public record Line(String claim, List<String> confirmed, Map<String, String> contradicted) {
    }

    private SeedClaims() {
    }

    public static List<Line> of(List<Verdict> verdicts) {
        Map<String, Map<String, List<Verdict>>> byClaim = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            if (v.claim() != null && v.claimHolds() != null) {
                byClaim.computeIfAbsent(v.claim(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(v.runtime(), k -> new ArrayList<>()).add(v);
            }
        }
        List<Line> lines = new ArrayList<>();
        byClaim.forEach((claim, perRuntime) -> {
            List<String> confirmed = new ArrayList<>();
            Map<String, String> contradicted = new LinkedHashMap<>();
            perRuntime.forEach((runtime, vs) -> {
                List<String> against = vs.stream().filter(v -> !v.claimHolds())
                        .map(v -> v.check() + " = " + v.observed() + " (predicted " + v.prediction() + ")").toList();
                if (against.isEmpty()) {
                    confirmed.add(runtime);
                } else {
                    contradicted.put(runtime, String.join("; ", against));
                }
            });
            lines.add(new Line(claim, confirmed, contradicted));
        });
        return lines;
    }

    /** For the terminal: each claim, then the runtimes it holds for and those it does not, with why. */
    public static String renderText(List<Verdict> verdicts) {
        List<Line> lines = of(verdicts);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Seed claims, judged on these results (src/main/resources/expectations.yaml)\n");
        for (Line l : lines) {
            sb.append("- ").append(l.claim()).append('\n');
            if (!l.confirmed().isEmpty()) {
                sb.append("    confirmed:    ").append(String.join(", ", l.confirmed())).append('\n');
            }
            l.contradicted().forEach((rt, why) -> sb.append("    CONTRADICTED: ").append(rt).append(": ")
                    .append(why).append('\n'));
        }
        return sb.toString();
    }

    /** For report.md: a table of claim, confirmed for, contradicted for (with the observation). */
    static String renderMarkdown(List<Verdict> verdicts) {
        List<Line> lines = of(verdicts);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Seed claims\n\n| claim | confirmed for | contradicted for |\n| --- | --- | --- |\n");
        for (Line l : lines) {
            List<String> against = new ArrayList<>();
            l.contradicted().forEach((rt, why) -> against.add("**" + rt + "**: " + MarkdownReport.esc(why)));
            sb.append("| ").append(MarkdownReport.esc(l.claim())).append(" | ")
                    .append(MarkdownReport.esc(String.join(", ", l.confirmed()))).append(" | ")
                    .append(against.isEmpty() ? " " : String.join("<br>", against)).append(" |\n");
        }
        return sb.append('\n').toString();
    }
}
