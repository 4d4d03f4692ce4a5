package org.drlp.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.drlp.report.Figure;
import org.drlp.report.Panel;
import org.drlp.report.Scale;
import org.drlp.report.Series;

/**
 * The objective against iteration and against time, for one run (a line per stage) or a sweep
 * group (a line per compared value). Iterations are pivots for the vertex walk and epochs for Adam,
 * which never share an axis: a group with both gets a panel for each. An overlay shows by default
 * the gap to the best objective of the group, f - f_best, on a log axis (a gap of 0, the best
 * line's end, is drawn at a floor a decade below the smallest positive gap, and the axis label says
 * so); repeats of one line are drawn as their median with a band from the least to the greatest.
 */
final class ObjectiveFigures {

    /** What an overlay's y axis shows. */
    enum OverlayValue { GAP, OBJECTIVE }

    /**
     * One line of an overlay.
     *
     * @param unit     what its iterations count: {@code pivots}, {@code epochs}
     * @param style    its line style, the same in every panel
     * @param repeats  its runs' traces; more than one is drawn as a median with a band
     */
    record Line(String name, String unit, int style, List<ObjectiveTrace> repeats) {
    }

    private ObjectiveFigures() {
    }

    /**
     * One run with a line per stage of its solve (presolve stages walk smaller programs, so their
     * objectives are on another level than the final walk's); a single stage is named by the run.
     */
    static Figure forRunByStage(String title, String runName, String unit, Map<String, ObjectiveTrace> stages) {
        List<Series> byIteration = new ArrayList<>();
        List<Series> byTime = new ArrayList<>();
        stages.forEach((stage, trace) -> {
            String name = stages.size() <= 1 ? runName : stage;
            byIteration.add(new Series(name, trace.iterations(), trace.objectives()));
            byTime.add(new Series(name, trace.seconds(), trace.objectives()));
        });
        return new Figure(title, List.of(
                new Panel("objective by " + singular(unit), unit, "objective", byIteration, Scale.INTEGER, Scale.LINEAR),
                new Panel("objective by time", "seconds", "objective", byTime)));
    }

    static Figure overlay(String title, List<Line> lines, OverlayValue value) {
        double best = Double.POSITIVE_INFINITY;
        for (Line line : lines) {
            for (ObjectiveTrace trace : line.repeats()) {
                for (double f : trace.objectives()) if (f < best) best = f;
            }
        }
        boolean gap = value == OverlayValue.GAP && Double.isFinite(best);
        double floor = gap ? floor(lines, best) : 0;
        String yLabel = gap ? String.format(Locale.ROOT, "f - f_best (f_best = %.10g; 0 drawn at %.0e)", best, floor)
                : "objective";
        String what = gap ? "objective gap" : "objective";
        Set<String> units = new LinkedHashSet<>();
        lines.forEach(line -> units.add(line.unit()));
        List<Panel> panels = new ArrayList<>();
        List<Series> byTime = new ArrayList<>();
        for (String unit : units) {
            List<Series> byIteration = new ArrayList<>();
            for (Line line : lines) {
                if (line.unit().equals(unit)) byIteration.add(series(line, true, gap, best, floor));
            }
            panels.add(new Panel(what + " by " + singular(unit), unit, yLabel, byIteration, Scale.INTEGER,
                    gap ? Scale.LOG : Scale.LINEAR));
        }
        for (Line line : lines) byTime.add(series(line, false, gap, best, floor));
        panels.add(new Panel(what + " by time", "seconds", yLabel, byTime, Scale.LINEAR, gap ? Scale.LOG : Scale.LINEAR));
        return new Figure(title, panels);
    }

    /** A decade below the smallest positive gap; a relative 1e-12 of the best when no gap is positive. */
    private static double floor(List<Line> lines, double best) {
        double smallest = Double.POSITIVE_INFINITY;
        for (Line line : lines) {
            for (ObjectiveTrace trace : line.repeats()) {
                for (double f : trace.objectives()) {
                    if (f - best > 0 && f - best < smallest) smallest = f - best;
                }
            }
        }
        if (smallest == Double.POSITIVE_INFINITY) return 1e-12 * Math.max(1, Math.abs(best));
        return Math.pow(10, Math.floor(Math.log10(smallest)) - 1);
    }

    private static Series series(Line line, boolean byIteration, boolean gap, double best, double floor) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (ObjectiveTrace trace : line.repeats()) {
            xs.add(byIteration ? trace.iterations() : trace.seconds());
            double[] y = trace.objectives().clone();
            if (gap) {
                for (int i = 0; i < y.length; i++) y[i] = Math.max(y[i] - best, floor);
            }
            ys.add(y);
        }
        if (line.repeats().size() == 1) return new Series(line.name(), xs.get(0), ys.get(0), null, null, line.style());
        double[] grid = grid(xs);
        int repeats = xs.size();
        double[][] values = new double[grid.length][repeats];
        for (int r = 0; r < repeats; r++) {
            double[] x = xs.get(r);
            double[] y = ys.get(r);
            int at = 0;
            for (int g = 0; g < grid.length; g++) { // the value reached by grid[g]: a step function, flat after the end
                while (at + 1 < x.length && x[at + 1] <= grid[g]) at++;
                values[g][r] = y.length == 0 ? Double.NaN : y[at];
            }
        }
        double[] median = new double[grid.length];
        double[] low = new double[grid.length];
        double[] high = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double[] v = values[g];
            Arrays.sort(v);
            median[g] = repeats % 2 == 1 ? v[repeats / 2] : (v[repeats / 2 - 1] + v[repeats / 2]) / 2;
            low[g] = v[0];
            high[g] = v[repeats - 1];
        }
        return new Series(line.name() + " (median of " + repeats + ", band min-max)", grid, median, low, high,
                line.style());
    }

    /** Every x of every repeat, sorted, at most {@link ObjectiveTrace#MAX_POINTS} of them evenly picked. */
    private static double[] grid(List<double[]> xs) {
        double[] all = xs.stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().distinct().toArray();
        if (all.length <= ObjectiveTrace.MAX_POINTS) return all;
        double[] thinned = new double[ObjectiveTrace.MAX_POINTS];
        for (int i = 0; i < thinned.length; i++) {
            thinned[i] = all[(int) ((long) i * (all.length - 1) / (thinned.length - 1))];
        }
        return thinned;
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
