package org.drlp.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs of several configurations on several problems, judged by a {@link SolvedRule} against the
 * best objective any run reached on each problem. Problems and configurations keep the order of
 * their first run.
 */
public final class Comparison {

    private final SolvedRule rule;
    private final List<String> problems;
    private final List<String> configurations;
    private final double[] best;
    /** cells[s][p]: the repeats of configuration s on problem p. */
    private final List<RunRecord>[][] cells;

    private Comparison(List<RunRecord> runs, SolvedRule rule) {
        this.rule = rule;
        Map<String, Integer> problemIndex = new LinkedHashMap<>();
        Map<String, Integer> configurationIndex = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            problemIndex.putIfAbsent(run.problem(), problemIndex.size());
            configurationIndex.putIfAbsent(run.configuration(), configurationIndex.size());
        }
        problems = List.copyOf(problemIndex.keySet());
        configurations = List.copyOf(configurationIndex.keySet());
        best = new double[problems.size()];
        Arrays.fill(best, Double.NaN);
        @SuppressWarnings("unchecked")
        List<RunRecord>[][] grid = new List[configurations.size()][problems.size()];
        for (List<RunRecord>[] row : grid) {
            for (int p = 0; p < row.length; p++) row[p] = new ArrayList<>();
        }
        for (RunRecord run : runs) {
            int p = problemIndex.get(run.problem());
            grid[configurationIndex.get(run.configuration())][p].add(run);
            if (Double.isFinite(run.objective()) && !(run.objective() >= best[p])) best[p] = run.objective();
        }
        cells = grid;
    }

    public static Comparison of(List<RunRecord> runs, SolvedRule rule) {
        return new Comparison(runs, rule);
    }

    public List<String> problems() {
        return problems;
    }

    public List<String> configurations() {
        return configurations;
    }

    /** The best objective any run reached on the problem; NaN when no run reached one. */
    public double best(int problem) {
        return best[problem];
    }

    public SolvedRule rule() {
        return rule;
    }

    /** Configuration {@code s} on problem {@code p} in the measure. */
    public Cell cell(int s, int p, Measure measure) {
        List<RunRecord> repeats = cells[s][p];
        double[] costs = new double[repeats.size()];
        int solved = 0;
        int wrong = 0;
        boolean applies = true;
        for (int r = 0; r < costs.length; r++) {
            RunRecord run = repeats.get(r);
            if (rule.solved(run, best[p])) {
                solved++;
                costs[r] = Math.max(0, run.cost(measure));
                if (Double.isNaN(run.cost(measure))) applies = false;
            } else {
                if (run.certified() && Double.isFinite(run.objective())) wrong++;
                costs[r] = Double.POSITIVE_INFINITY;
            }
        }
        if (costs.length == 0) {
            return new Cell(0, 0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        Arrays.sort(costs);
        int n = costs.length;
        double median = n % 2 == 1 ? costs[n / 2] : (costs[n / 2 - 1] + costs[n / 2]) / 2;
        if (!applies) return new Cell(n, solved, wrong, Double.NaN, Double.NaN, Double.NaN);
        return new Cell(n, solved, wrong, median, costs[0], costs[n - 1]);
    }

    /** A measure applies to a configuration when any of its runs has a cost in it (Adam has no pivots). */
    public boolean applies(int s, Measure measure) {
        for (List<RunRecord> repeats : cells[s]) {
            for (RunRecord run : repeats) {
                if (!Double.isNaN(run.cost(measure))) return true;
            }
        }
        return false;
    }

    /** The profile over the configurations the measure applies to; costs below the measure's floor count as the floor. */
    public PerformanceProfile profile(Measure measure) {
        List<Integer> profiled = profiled(measure);
        double[][] ratios = new double[profiled.size()][problems.size()];
        for (int p = 0; p < problems.size(); p++) {
            double[] costs = new double[profiled.size()];
            double cheapest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < costs.length; i++) {
                double median = cell(profiled.get(i), p, measure).median();
                costs[i] = Double.isNaN(median) ? Double.POSITIVE_INFINITY : Math.max(median, measure.floor());
                cheapest = Math.min(cheapest, costs[i]);
            }
            for (int i = 0; i < costs.length; i++) {
                ratios[i][p] = Double.isFinite(costs[i]) ? costs[i] / cheapest : Double.POSITIVE_INFINITY;
            }
        }
        return new PerformanceProfile(measure, profiled.stream().map(configurations::get).toList(), problems, ratios);
    }

    /** One row per configuration, in order, with a summary of each measure that applies to it. */
    public List<ConfigurationSummary> summaries(List<Measure> measures) {
        Map<Measure, List<Integer>> common = new LinkedHashMap<>();
        for (Measure measure : measures) common.put(measure, commonlySolved(measure));
        List<ConfigurationSummary> rows = new ArrayList<>();
        for (int s = 0; s < configurations.size(); s++) {
            int solved = 0;
            int runs = 0;
            int wrong = 0;
            int failures = 0;
            for (int p = 0; p < problems.size(); p++) {
                Cell cell = cell(s, p, Measure.PIVOTS); // the counts do not depend on the measure
                if (cell.solved()) solved++;
                runs += cell.runs();
                wrong += cell.wrongAnswers();
                failures += cell.failures();
            }
            Map<String, MeasureSummary> byMeasure = new LinkedHashMap<>();
            for (Measure measure : measures) {
                if (applies(s, measure)) byMeasure.put(measure.name(), summary(s, measure, common.get(measure)));
            }
            rows.add(new ConfigurationSummary(configurations.get(s), problems.size(), solved, runs, wrong, failures,
                    byMeasure));
        }
        return rows;
    }

    private MeasureSummary summary(int s, Measure measure, List<Integer> commonProblems) {
        boolean solvedAny = false;
        for (int p = 0; p < problems.size() && !solvedAny; p++) solvedAny = Double.isFinite(cell(s, p, measure).median());
        if (!solvedAny || commonProblems.isEmpty()) return new MeasureSummary(measure, Double.NaN, Double.NaN, Double.NaN, 0);
        double[] medians = new double[commonProblems.size()];
        double[] mins = new double[medians.length];
        double[] maxes = new double[medians.length];
        for (int i = 0; i < medians.length; i++) {
            Cell cell = cell(s, commonProblems.get(i), measure);
            medians[i] = cell.median();
            mins[i] = cell.min();
            maxes[i] = cell.max();
        }
        return new MeasureSummary(measure, ShiftedGeometricMean.of(medians, measure.shift()),
                ShiftedGeometricMean.of(mins, measure.shift()), ShiftedGeometricMean.of(maxes, measure.shift()),
                medians.length);
    }

    /** Problems solved by every profiled configuration that solved any problem at all in the measure. */
    private List<Integer> commonlySolved(Measure measure) {
        List<Integer> solvers = new ArrayList<>();
        for (int s : profiled(measure)) {
            for (int p = 0; p < problems.size(); p++) {
                if (Double.isFinite(cell(s, p, measure).median())) {
                    solvers.add(s);
                    break;
                }
            }
        }
        List<Integer> common = new ArrayList<>();
        for (int p = 0; p < problems.size(); p++) {
            boolean all = !solvers.isEmpty();
            for (int s : solvers) all &= Double.isFinite(cell(s, p, measure).median());
            if (all) common.add(p);
        }
        return common;
    }

    private List<Integer> profiled(Measure measure) {
        List<Integer> profiled = new ArrayList<>();
        for (int s = 0; s < configurations.size(); s++) {
            if (applies(s, measure)) profiled.add(s);
        }
        return profiled;
    }
}
