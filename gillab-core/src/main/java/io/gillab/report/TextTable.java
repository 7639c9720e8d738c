package io.gillab.report;

import java.util.ArrayList;
import java.util.List;

/** A plain left-aligned text table with a header rule. */
public final class TextTable {
    private static final int MAX_CELL = 130;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = header;
    }

    public TextTable(String... header) {
        this(List.of(header));
    }

    public void add(String... row) {
        add(List.of(row));
    }

    public void add(List<String> row) {
        rows.add(row.stream().map(c -> c.length() > MAX_CELL ? c.substring(0, MAX_CELL - 3) + "..." : c).toList());
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        sb.append(rule.toString().stripTrailing()).append('\n');
        rows.forEach(r -> line(sb, r, widths));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            l.append(String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
