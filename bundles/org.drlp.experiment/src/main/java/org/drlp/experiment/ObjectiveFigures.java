package org.drlp.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.drlp.report.Figure;
import org.drlp.report.Panel;
import org.drlp.report.Scale;
import org.drlp.report.Series;

/**
 * The objective against iteration and against time, for one run (a line per stage) or a sweep
 * group (a line per compared value). Iterations are pivots for the vertex walk and epochs for Adam,
 * which never share an axis: a group with both gets a panel for each. An overlay shows by default
 * the gap to the best objective, f - f_best, on a log axis, where f_best is the least objective of
 * the group's runs of the same repeat (a repeat offsets the data seed, so each repeat may be
 * another problem with its own optimum). Gaps within {@link #ZERO_GAP} of f_best count as 0, and 0
 * (the best line's end) is drawn a decade below the smallest positive gap, as the axis label says.
 * Repeats of one line are drawn as their median with a band from the least to the greatest.
 */
final class ObjectiveFigures {

    /** What an overlay's y axis shows. */
    enum OverlayValue { GAP, OBJECTIVE }

    /** Gaps below this times max(1, |f_best|) are rounding, not distance: they are drawn as 0. */
    static final double ZERO_GAP = 1e-9;

    /** One run of a line: its repeat (which problem instance it solved) and its trace. */
    record Repeat(int repeat, ObjectiveTrace trace) {
    }

    /**
     * One line of an overlay.
     *
     * @param unit     what its iterations count: {@code pivots}, {@code epochs}
     * @param style    its line style, the same in every panel
     * @param repeats  its runs; more than one is drawn as a median with a band
     */
    record Line(String name, String unit, int style, List<Repeat> repeats) {
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
        Map<Integer, Double> best = new TreeMap<>();
        for (Line line : lines) {
            for (Repeat run : line.repeats()) {
                for (double f : run.trace().objectives()) {
                    if (Double.isFinite(f)) best.merge(run.repeat(), f, Math::min);
                }
            }
        }
        boolean gap = value == OverlayValue.GAP && !best.isEmpty();
        List<Line> shown = gap ? gaps(lines, best) : lines;
        String yLabel = "objective";
        if (gap) {
            double floor = floor(shown);
            shown = raisedTo(shown, floor);
            String zero = String.format(Locale.ROOT, "0 drawn at %.0e", floor);
            yLabel = best.size() == 1
                    ? String.format(Locale.ROOT, "f - f_best (f_best = %.10g; %s)", best.values().iterator().next(), zero)
                    : "f - f_best of its repeat (" + zero + ")";
        }
        String what = gap ? "objective gap" : "objective";
        Set<String> units = new LinkedHashSet<>();
        shown.forEach(line -> units.add(line.unit()));
        List<Panel> panels = new ArrayList<>();
        for (String unit : units) {
            List<Series> byIteration = new ArrayList<>();
            for (Line line : shown) {
                if (line.unit().equals(unit)) byIteration.add(series(line, true));
            }
            panels.add(new Panel(what + " by " + singular(unit), unit, yLabel, byIteration, Scale.INTEGER,
                    gap ? Scale.LOG : Scale.LINEAR));
        }
        List<Series> byTime = new ArrayList<>();
        for (Line line : shown) byTime.add(series(line, false));
        panels.add(new Panel(what + " by time", "seconds", yLabel, byTime, Scale.LINEAR, gap ? Scale.LOG : Scale.LINEAR));
        return new Figure(title, panels);
    }

    /** Each objective as its gap to the best of its repeat; rounding-sized gaps as 0. */
    private static List<Line> gaps(List<Line> lines, Map<Integer, Double> best) {
        return map(lines, (repeat, f) -> {
            double b = best.get(repeat);
            double gap = f - b;
            return gap < ZERO_GAP * Math.max(1, Math.abs(b)) ? 0 : gap;
        });
    }

    private static List<Line> raisedTo(List<Line> lines, double floor) {
        return map(lines, (repeat, gap) -> Math.max(gap, floor));
    }

    private interface ValueMap {
        double apply(int repeat, double value);
    }

    private static List<Line> map(List<Line> lines, ValueMap f) {
        List<Line> mapped = new ArrayList<>();
        for (Line line : lines) {
            List<Repeat> repeats = new ArrayList<>();
            for (Repeat run : line.repeats()) {
                ObjectiveTrace t = run.trace();
                double[] y = t.objectives().clone();
                for (int i = 0; i < y.length; i++) y[i] = f.apply(run.repeat(), y[i]);
                repeats.add(new Repeat(run.repeat(), new ObjectiveTrace(t.iterations(), t.seconds(), y)));
            }
            mapped.add(new Line(line.name(), line.unit(), line.style(), repeats));
        }
        return mapped;
    }

    /** A decade below the smallest positive gap; 1e-12 when no gap is positive. */
    private static double floor(List<Line> gaps) {
        double smallest = Double.POSITIVE_INFINITY;
        for (Line line : gaps) {
            for (Repeat run : line.repeats()) {
                for (double g : run.trace().objectives()) {
                    if (g > 0 && g < smallest) smallest = g;
                }
            }
        }
        if (smallest == Double.POSITIVE_INFINITY) return 1e-12;
        return Math.pow(10, Math.floor(Math.log10(smallest)) - 1);
    }

    private static Series series(Line line, boolean byIteration) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Repeat run : line.repeats()) {
            xs.add(byIteration ? run.trace().iterations() : run.trace().seconds());
            ys.add(run.trace().objectives());
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
