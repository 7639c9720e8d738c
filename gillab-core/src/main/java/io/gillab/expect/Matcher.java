package io.gillab.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell of the expectations table: what a value should be. Written in the table as a plain scalar
 * ({@code 2}, {@code immediate}, {@code true}, {@code null}: equals) or as a map with one of
 * {@code equals}, {@code one_of}, {@code raises} (absent, because the probe's call raised this
 * exception), {@code absent}, {@code at_least}, {@code at_most}, {@code range}, {@code any} (recorded, not
 * judged), plus an optional
 * {@code tolerance} (absolute, or relative as {@code "10%"}) and {@code reason}.
 *
 * <p>A tolerance loosens numeric comparisons: {@code equals x} accepts {@code |v - x| <= tol},
 * {@code at_least x} accepts {@code v >= x - tol}, {@code at_most x} accepts {@code v <= x + tol} and a
 * range widens by tol on both sides (a relative tolerance is a fraction of the bound).
 */
public sealed interface Matcher {

    /** Whether the observation meets this expectation. */
    boolean test(Observed o);

    /**
     * Whether the observation is consistent with this expectation: for a measured number with a confidence
     * interval, whether the interval reaches the accepted region (the data do not show the expectation
     * wrong); otherwise {@link #test}. A scaling cell then fails only when the whole 95% interval lies
     * outside it, not when noise puts the point estimate just past a bound.
     */
    default boolean consistent(Observed o) {
        return test(o);
    }

    /** The expectation in words, e.g. {@code 2}, {@code >= 1.6}, {@code raises AttributeError}. */
    String describe();

    /** The tolerance in words, or null. */
    Tolerance tolerance();

    /** A per-runtime reason overriding the check's, or null. */
    String reason();

    /** An absolute ({@code 0.1}) or relative ({@code 10%}) tolerance. */
    record Tolerance(double amount, boolean relative) {
        /** A row's or cell's tolerance as the table writes it ({@code 0.1}, {@code "10%"}), or null when absent. */
        public static Tolerance parse(JsonNode n) {
            if (n == null || n.isNull() || n.isMissingNode()) {
                return null;
            }
            String s = n.asText().strip();
            if (s.endsWith("%")) {
                return new Tolerance(Double.parseDouble(s.substring(0, s.length() - 1).strip()) / 100, true);
            }
            if (!n.isNumber() && !s.matches("[-+]?[0-9.eE+-]+")) {
                throw new IllegalArgumentException("tolerance must be a number or a percentage, not '" + s + "'");
            }
            return new Tolerance(Double.parseDouble(s), false);
        }

        double of(double bound) {
            return relative ? Math.abs(bound) * amount : amount;
        }

        @Override
        public String toString() {
            return relative ? "±" + Values.number(amount * 100) + "%" : "±" + Values.number(amount);
        }
    }

    /** Equal to a JSON value (numbers compare numerically; null matches a missing value). */
    record Equals(JsonNode value, Tolerance tolerance, String reason) implements Matcher {
        @Override
        public boolean test(Observed o) {
            JsonNode v = o.value();
            if (value == null || value.isNull()) {
                return v == null || v.isNull() || v.isMissingNode();
            }
            if (v == null || v.isNull() || v.isMissingNode()) {
                return false;
            }
            if (value.isNumber() && v.isNumber()) {
                double tol = tolerance == null ? 0 : tolerance.of(value.asDouble());
                return Math.abs(v.asDouble() - value.asDouble()) <= tol + 1e-12 * Math.abs(value.asDouble());
            }
            if (value.isTextual() && !v.isTextual()) {
                return value.asText().equals(v.asText());
            }
            return value.equals(v);
        }

        @Override
        public String describe() {
            return Values.words(value);
        }
    }

    /** One of several values. */
    record OneOf(List<JsonNode> values, Tolerance tolerance, String reason) implements Matcher {
        @Override
        public boolean test(Observed o) {
            return values.stream().anyMatch(v -> new Equals(v, tolerance, null).test(o));
        }

        @Override
        public String describe() {
            List<String> w = new ArrayList<>();
            values.forEach(v -> w.add(Values.words(v)));
            return "one of " + String.join(", ", w);
        }
    }

    /**
     * The value is missing; with an exception name, the probe also reported that its call raised it
     * (the probe result's {@code exception} field, e.g. AttributeError for a missing sys.getrefcount).
     */
    record Absent(String exception, String reason) implements Matcher {
        @Override
        public boolean test(Observed o) {
            JsonNode v = o.value();
            boolean missing = v == null || v.isNull() || v.isMissingNode();
            return missing && (exception == null || exception.equals(o.exception()));
        }

        @Override
        public String describe() {
            return exception == null ? "absent" : "raises " + exception;
        }

        @Override
        public Tolerance tolerance() {
            return null;
        }
    }

    /**
     * Anything: the value is recorded and shown (and judged against a claim's prediction), but the
     * table expects no particular value, e.g. where a direction does not hold steady on a loaded
     * machine. Written {@code {any: true}}.
     */
    record Any(String reason) implements Matcher {
        @Override
        public boolean test(Observed o) {
            return true;
        }

        @Override
        public String describe() {
            return "any value (recorded)";
        }

        @Override
        public Tolerance tolerance() {
            return null;
        }
    }

    /** A number at or above a bound. */
    record AtLeast(double bound, Tolerance tolerance, String reason) implements Matcher {
        @Override
        public boolean test(Observed o) {
            Double v = o.number();
            return v != null && v >= bound - (tolerance == null ? 0 : tolerance.of(bound));
        }

        @Override
        public boolean consistent(Observed o) {
            return test(o) || o.hasInterval() && o.ciHigh() >= bound - (tolerance == null ? 0 : tolerance.of(bound));
        }

        @Override
        public String describe() {
            return ">= " + Values.number(bound);
        }
    }

    /** A number at or below a bound. */
    record AtMost(double bound, Tolerance tolerance, String reason) implements Matcher {
        @Override
        public boolean test(Observed o) {
            Double v = o.number();
            return v != null && v <= bound + (tolerance == null ? 0 : tolerance.of(bound));
        }

        @Override
        public boolean consistent(Observed o) {
            return test(o) || o.hasInterval() && o.ciLow() <= bound + (tolerance == null ? 0 : tolerance.of(bound));
        }

        @Override
        public String describe() {
            return "<= " + Values.number(bound);
        }
    }

    /** A number within [low, high]. */
    record Range(double low, double high, Tolerance tolerance, String reason) implements Matcher {
        @Override
        public boolean test(Observed o) {
            Double v = o.number();
            return v != null && v >= low - (tolerance == null ? 0 : tolerance.of(low))
                    && v <= high + (tolerance == null ? 0 : tolerance.of(high));
        }

        @Override
        public boolean consistent(Observed o) {
            return test(o) || o.hasInterval() && o.ciHigh() >= low - (tolerance == null ? 0 : tolerance.of(low))
                    && o.ciLow() <= high + (tolerance == null ? 0 : tolerance.of(high));
        }

        @Override
        public String describe() {
            return "in [" + Values.number(low) + ", " + Values.number(high) + "]";
        }
    }

    /**
     * Reads one table cell.
     *
     * @param where  the cell's place in the table, for error messages ("check refcount_fresh_dict,
     *               expect.cpython")
     * @param defaultTolerance the check's tolerance, used where the cell names none
     */
    static Matcher parse(JsonNode cell, Tolerance defaultTolerance, String where) {
        if (cell == null || cell.isMissingNode()) {
            throw new IllegalArgumentException(where + ": no expectation");
        }
        if (!cell.isObject()) {
            if (cell.isArray()) {
                throw new IllegalArgumentException(where + ": a list is ambiguous here; write {one_of: [...]}");
            }
            return new Equals(cell, defaultTolerance, null);
        }
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("equals", "one_of", "raises", "absent", "at_least", "at_most", "range", "any")) {
            if (cell.has(k)) {
                kinds.add(k);
            }
        }
        for (var it = cell.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!List.of("equals", "one_of", "raises", "absent", "at_least", "at_most", "range", "any", "tolerance",
                    "reason")
                    .contains(f)) {
                throw new IllegalArgumentException(where + ": unknown key '" + f + "' (expected one of equals, one_of,"
                        + " raises, absent, at_least, at_most, range, any, with optional tolerance and reason)");
            }
        }
        if (kinds.size() != 1) {
            throw new IllegalArgumentException(where + ": needs exactly one of equals, one_of, raises, absent,"
                    + " at_least, at_most, range, any; found " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        }
        Tolerance tol = cell.has("tolerance") ? Tolerance.parse(cell.get("tolerance")) : defaultTolerance;
        String reason = cell.hasNonNull("reason") ? cell.get("reason").asText() : null;
        String kind = kinds.get(0);
        JsonNode v = cell.get(kind);
        return switch (kind) {
            case "equals" -> new Equals(v, tol, reason);
            case "one_of" -> {
                if (!v.isArray() || v.isEmpty()) {
                    throw new IllegalArgumentException(where + ": one_of needs a non-empty list");
                }
                List<JsonNode> values = new ArrayList<>();
                v.forEach(values::add);
                yield new OneOf(values, tol, reason);
            }
            case "raises" -> new Absent(requireText(v, where, "raises"), reason);
            case "absent" -> {
                if (!v.isBoolean() || !v.asBoolean()) {
                    throw new IllegalArgumentException(where + ": write absent: true (or raises: ExceptionName)");
                }
                yield new Absent(null, reason);
            }
            case "any" -> {
                if (!v.isBoolean() || !v.asBoolean()) {
                    throw new IllegalArgumentException(where + ": write any: true");
                }
                yield new Any(reason);
            }
            case "at_least" -> new AtLeast(requireNumber(v, where, kind), tol, reason);
            case "at_most" -> new AtMost(requireNumber(v, where, kind), tol, reason);
            case "range" -> {
                if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()
                        || v.get(0).asDouble() > v.get(1).asDouble()) {
                    throw new IllegalArgumentException(where + ": range needs [low, high] with low <= high");
                }
                yield new Range(v.get(0).asDouble(), v.get(1).asDouble(), tol, reason);
            }
            default -> throw new IllegalStateException(kind);
        };
    }

    private static double requireNumber(JsonNode v, String where, String kind) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": " + kind + " needs a number, not '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    private static String requireText(JsonNode v, String where, String kind) {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + kind + " needs an exception name");
        }
        return v.asText();
    }

    /** Formatting shared by matchers and observations. */
    final class Values {
        private Values() {
        }

        static String number(double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            String s = String.format(Locale.ROOT, "%.4g", d);
            if (s.contains("e")) {
                return s.replaceAll("\\.?0+e", "e");
            }
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }

        static String words(JsonNode v) {
            if (v == null || v.isNull() || v.isMissingNode()) {
                return "null";
            }
            if (v.isNumber()) {
                return number(v.asDouble());
            }
            if (v.isTextual() || v.isBoolean()) {
                return v.asText();
            }
            return v.toString();
        }
    }
}
