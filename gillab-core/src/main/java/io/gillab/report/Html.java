package io.gillab.report;

import java.util.List;

/** Escaping and the generic table markup of the HTML report. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Escaped, with a line-break opportunity after each '_' and ':': snake_case checks and runtime ids
     * (pypy:bookworm) then wrap at a word's joint in a narrow column, not mid-word. */
    static String breakable(String s) {
        return esc(s).replace("_", "_<wbr>").replace(":", ":<wbr>");
    }

    /** A usable fragment of an id or class: workload names come from user files. */
    static String id(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A link when the text is an http(s) address, else the escaped text (no javascript: links). */
    static String link(String s) {
        return s.startsWith("https://") || s.startsWith("http://")
                ? "<a href=\"" + esc(s) + "\">" + esc(s) + "</a>" : esc(s);
    }

    static void table(StringBuilder out, ReportTables.Table t, String cls) {
        out.append("<table class=\"").append(cls).append("\">\n<tr>");
        t.header().forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : t.rows()) {
            out.append("<tr>");
            row.forEach(c -> out.append("<td>").append(esc(c)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }
}
