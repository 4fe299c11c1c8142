package org.newsflow.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws the pipeline benchmark as SVG: on the left achieved throughput against offered load (the diagonal is
 * "keeps up"), on the right push → published latency p50 and p99 against offered load. The maximum-rate phase is
 * drawn at the load it achieved.
 */
final class Chart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 380;
    private static final int PANEL = 360;
    private static final int MARGIN = 60;

    private Chart() {
    }

    static String svg(List<PipelineBenchmark.Phase> phases) {
        List<PipelineBenchmark.Phase> points = phases.stream()
                .sorted(Comparator.comparingDouble(Chart::load)).toList();
        double maxLoad = points.stream().mapToDouble(Chart::load).max().orElse(1) * 1.1;
        double maxRate = Math.max(maxLoad, points.stream().mapToDouble(PipelineBenchmark.Phase::perSecond).max().orElse(1) * 1.1);
        double maxLatency = points.stream().mapToDouble(PipelineBenchmark.Phase::p99).filter(d -> !Double.isNaN(d))
                .max().orElse(1) * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                WIDTH, HEIGHT));
        // left: throughput
        int left = MARGIN;
        axes(svg, left, "offered load (articles/s)", "achieved (articles/s)", maxLoad, maxRate, "Throughput");
        svg.append(line(left, maxLoad, maxRate, 0, 0, Math.min(maxLoad, maxRate), Math.min(maxLoad, maxRate),
                "#bbb", "4 4"));
        svg.append(polyline(left, maxLoad, maxRate, points, PipelineBenchmark.Phase::perSecond, "#1f77b4"));
        // right: latency
        int right = MARGIN * 2 + PANEL + 40;
        axes(svg, right, "offered load (articles/s)", "push → published (ms)", maxLoad, maxLatency, "Latency");
        svg.append(polyline(right, maxLoad, maxLatency, points, PipelineBenchmark.Phase::p50, "#2ca02c"));
        svg.append(polyline(right, maxLoad, maxLatency, points, PipelineBenchmark.Phase::p99, "#d62728"));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#2ca02c\">p50</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#d62728\">p99</text>%n", right + 10, 30, right + 50, 30));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double load(PipelineBenchmark.Phase phase) {
        return phase.offered() > 0 ? phase.offered() : phase.perSecond();
    }

    private static void axes(StringBuilder svg, int x0, String xLabel, String yLabel, double maxX, double maxY, String title) {
        int bottom = HEIGHT - MARGIN;
        int top = MARGIN - 20;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x0, top - 8, title));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", x0, bottom,
                x0 + PANEL, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", x0, bottom,
                x0, top));
        for (int tick = 0; tick <= 4; tick++) {
            double fraction = tick / 4.0;
            int x = (int) (x0 + fraction * PANEL);
            int y = (int) (bottom - fraction * (bottom - top));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n", x,
                    bottom + 16, fraction * maxX));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>%n", x0 - 6, y + 4,
                    fraction * maxY));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x0 + PANEL / 2,
                bottom + 36, xLabel));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\" "
                + "text-anchor=\"middle\">%s</text>%n", x0 - 45, (bottom + top) / 2, x0 - 45, (bottom + top) / 2, yLabel));
    }

    private static String line(int x0, double maxX, double maxY, double xa, double ya, double xb, double yb, String colour,
            String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-dasharray=\"%s\"/>%n", x(x0, xa, maxX), y(ya, maxY), x(x0, xb, maxX), y(yb, maxY), colour, dash);
    }

    private static String polyline(int x0, double maxX, double maxY, List<PipelineBenchmark.Phase> points,
            java.util.function.ToDoubleFunction<PipelineBenchmark.Phase> value, String colour) {
        StringBuilder coordinates = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (PipelineBenchmark.Phase point : points) {
            double v = value.applyAsDouble(point);
            if (Double.isNaN(v)) {
                continue;
            }
            double x = x(x0, load(point), maxX);
            double y = y(v, maxY);
            coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
        }
        return String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                coordinates.toString().strip(), colour) + dots;
    }

    private static double x(int x0, double value, double max) {
        return x0 + value / max * PANEL;
    }

    private static double y(double value, double max) {
        int bottom = HEIGHT - MARGIN;
        int top = MARGIN - 20;
        return bottom - value / max * (bottom - top);
    }
}
