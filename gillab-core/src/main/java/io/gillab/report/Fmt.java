package io.gillab.report;

import java.util.Locale;

/** Number formats shared by the report renderers (fixed locale: a report reads the same everywhere). */
final class Fmt {
    private Fmt() {
    }

    /** Seconds in the unit that keeps 2-3 significant digits, down to nanoseconds (time per unit). */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        double a = Math.abs(s);
        if (a >= 1) {
            return f("%.2f s", s);
        }
        if (a >= 1e-3) {
            return f("%.3g ms", s * 1e3);
        }
        if (a >= 1e-6) {
            return f("%.3g µs", s * 1e6);
        }
        return f("%.3g ns", s * 1e9);
    }

    /** "1.95x [1.80, 2.05]", or without the interval when it is unknown. */
    static String speedup(double x, double lo, double hi) {
        return Double.isNaN(lo) || Double.isNaN(hi) ? f("%.2fx", x) : f("%.2fx [%.2f, %.2f]", x, lo, hi);
    }

    /** "12.3 ms [11.9, 12.8]": a median and its CI in the median's unit. */
    static String secondsWithCi(double median, double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return seconds(median) + " (no CI)";
        }
        return seconds(median) + " [" + seconds(lo) + ", " + seconds(hi) + "]";
    }

    static String ratio(double x, double lo, double hi) {
        return Double.isNaN(lo) ? f("%.3f", x) : f("%.3f [%.3f, %.3f]", x, lo, hi);
    }

    static String p(double p) {
        return Double.isNaN(p) ? "-" : p < 0.001 ? "<0.001" : f("%.3f", p);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
