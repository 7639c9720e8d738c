package io.gillab.report;

import io.gillab.model.TrialResult;
import io.gillab.stats.SampleSummary;
import io.gillab.stats.Scaling;
import io.gillab.stats.TrialAnalysis;
import io.gillab.model.ExecutionMode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart into SVG (JFreeSVG) so the HTML carries them inline and
 * opens offline. Every point is a median; the bars are its 95% bootstrap CI, which is asymmetric, so
 * they are drawn from the interval's own ends (YIntervalSeries), not as ± a width.
 */
final class Charts {
    static final int WIDTH = 760;
    static final int HEIGHT = 420;
    /** Okabe-Ito: tells the runtimes apart for colour-blind readers too. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Series of one chart sit a little apart on the x axis so their CI bars do not hide each other. */
    private static final double JITTER = 0.04;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** Speedup over one thread per implementation (and mode), with the ideal line capped at the cores. */
    static String scaling(String id, String workload, List<TrialResult> trials, ReportModel model) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = errorRenderer();
        int maxThreads = 1;
        int k = 0;
        for (TrialResult r : trials) {
            TrialAnalysis a = model.analysis(r);
            Map<Integer, Scaling> scaling = a.scaling();
            SampleSummary one = a.at(1);
            if (scaling.isEmpty() || one == null) {
                continue;
            }
            double dx = offset(k, trials.size());
            YIntervalSeries s = new YIntervalSeries(label(r));
            s.add(1 + dx, 1, 1, 1); // the reference point: one thread against itself
            for (Scaling sc : scaling.values()) {
                s.add(sc.threads() + dx, sc.speedup(), orElse(sc.ciLow(), sc.speedup()),
                        orElse(sc.ciHigh(), sc.speedup()));
                maxThreads = Math.max(maxThreads, sc.threads());
            }
            data.addSeries(s);
            style(renderer, k++, r, model);
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        NumberAxis x = new NumberAxis("threads (workers)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("speedup over 1 thread (x)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = plot(data, x, y, renderer);
        int cores = model.cores();
        XYSeries ideal = new XYSeries(cores > 0 ? "ideal (linear up to " + cores + " cores)" : "ideal (linear)");
        for (int t = 1; t <= maxThreads; t++) {
            ideal.add(t, cores > 0 ? Math.min(t, cores) : t);
        }
        XYLineAndShapeRenderer idealRenderer = new XYLineAndShapeRenderer(true, false);
        idealRenderer.setSeriesPaint(0, Color.GRAY);
        idealRenderer.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(ideal));
        plot.setRenderer(1, idealRenderer);
        return svg(chart(workload + ": speedup vs threads (95% CI)", plot), id, WIDTH, HEIGHT);
    }

    /** Time per work unit at one thread, per implementation, with the median's CI; log scale when wide. */
    static String comparison(String id, String workload, List<RuntimeComparison.Row> rows, ReportModel model) {
        if (rows.isEmpty()) {
            return null;
        }
        double smallest = rows.stream().mapToDouble(r -> r.perUnit().median()).filter(v -> v > 0).min().orElse(1);
        Unit unit = Unit.of(smallest);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = errorRenderer();
        renderer.setDefaultLinesVisible(false);
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            RuntimeComparison.Row row = rows.get(i);
            SampleSummary s = row.perUnit();
            labels[i] = ReportModel.seriesLabel(row.trial());
            YIntervalSeries series = new YIntervalSeries(labels[i]);
            series.add(i, s.median() * unit.scale, orElse(s.ciLow(), s.median()) * unit.scale,
                    orElse(s.ciHigh(), s.median()) * unit.scale);
            data.addSeries(series);
            style(renderer, i, row.trial(), model);
        }
        double max = rows.stream().mapToDouble(r -> orElse(r.perUnit().ciHigh(), r.perUnit().median())).max()
                .orElse(1);
        double min = rows.stream().mapToDouble(r -> orElse(r.perUnit().ciLow(), r.perUnit().median()))
                .filter(v -> v > 0).min().orElse(max);
        ValueAxis y = valueAxis("time per work unit (" + unit.symbol + ")", max / min);
        SymbolAxis x = new SymbolAxis("", labels);
        XYPlot plot = plot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = chart(workload + ": time per unit at 1 thread (median, 95% CI; lower is faster)", plot);
        chart.removeLegend();
        return svg(chart, id, WIDTH, Math.max(180, 90 + 40 * rows.size()));
    }

    /** The convoy: the I/O thread's p99 latency against the number of CPU-bound threads. */
    static String latency(String id, String workload, List<TrialResult> trials, ReportModel model) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = errorRenderer();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int k = 0;
        for (TrialResult r : trials) {
            YIntervalSeries s = new YIntervalSeries(label(r));
            double dx = offset(k, trials.size());
            for (int t : r.threadCounts()) {
                SampleSummary p99 = MixedFigures.summary(r, t, MixedFigures.P99);
                if (p99.n() == 0) {
                    continue;
                }
                double lo = orElse(p99.ciLow(), p99.median());
                double hi = orElse(p99.ciHigh(), p99.median());
                s.add(t + dx, p99.median() * 1e3, lo * 1e3, hi * 1e3);
                min = Math.min(min, lo * 1e3);
                max = Math.max(max, hi * 1e3);
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
                style(renderer, k++, r, model);
            }
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        NumberAxis x = new NumberAxis("CPU-bound threads beside the I/O thread");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ValueAxis y = valueAxis("p99 round-trip latency (ms)", min > 0 ? max / min : 1);
        return svg(chart(workload + ": I/O latency under CPU load (p99, 95% CI)", plot(data, x, y, renderer)), id,
                WIDTH, HEIGHT);
    }

    /** Draws the chart as an inline SVG element; the id prefixes its defs so several charts share a page. */
    static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    private record Unit(String symbol, double scale) {
        static Unit of(double seconds) {
            return seconds >= 1 ? new Unit("s", 1) : seconds >= 1e-3 ? new Unit("ms", 1e3)
                    : seconds >= 1e-6 ? new Unit("µs", 1e6) : new Unit("ns", 1e9);
        }
    }

    /** A log axis when the values span more than 20x (an interpreter beside a JIT), else linear from 0. */
    private static ValueAxis valueAxis(String label, double span) {
        if (span > 20) {
            LogAxis log = new LogAxis(label + ", log scale");
            log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            log.setSmallestValue(1e-9);
            // whole decades: the automatic units pick fractional exponents (labels like 63.096)
            log.setTickUnit(new NumberTickUnit(1), false, false);
            log.setAutoTickUnitSelection(false);
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            return log;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    private static XYErrorRenderer errorRenderer() {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(6);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        return r;
    }

    /** Same colour for a runtime in every chart; a dashed line for processes, interpreters or contexts. */
    private static void style(XYErrorRenderer renderer, int series, TrialResult r, ReportModel model) {
        int index = Math.max(0, model.runtimes().indexOf(r.runtime()));
        Paint paint = PALETTE[index % PALETTE.length];
        renderer.setSeriesPaint(series, paint);
        renderer.setSeriesStroke(series, ExecutionMode.THREADS.equals(r.executionMode())
                ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f));
        Shape dot = new Ellipse2D.Double(-4, -4, 8, 8);
        renderer.setSeriesShape(series, dot);
    }

    private static XYPlot plot(YIntervalSeriesCollection data, ValueAxis x, ValueAxis y, XYErrorRenderer renderer) {
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlinePaint(new Color(0x999999));
        for (ValueAxis axis : List.of(x, y)) {
            axis.setLabelFont(FONT);
            axis.setTickLabelFont(FONT.deriveFont(11f));
        }
        return plot;
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, FONT.deriveFont(Font.BOLD, 14f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(FONT);
        }
        return chart;
    }

    /** A trial that failed or timed out after some samples is still drawn, but says so. */
    private static String label(TrialResult r) {
        return ReportModel.seriesLabel(r) + (r.ok() ? "" : " (" + r.status() + ", partial)");
    }

    private static double offset(int k, int n) {
        return n <= 1 ? 0 : (k - (n - 1) / 2.0) * JITTER;
    }

    private static double orElse(double v, double fallback) {
        return Double.isNaN(v) ? fallback : v;
    }
}
