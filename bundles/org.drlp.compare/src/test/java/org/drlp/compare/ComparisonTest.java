package org.drlp.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Profiles, means and counts against tables worked out by hand. The main table: four problems,
 * four configurations, pivots, one repeat each; every certified run at the best objective 10
 * unless said otherwise ("fail": not certified; "wrong": certified at 11):
 *
 * <pre>
 *        A     B    C     D
 *   P1   10    20   10    fail      ratios  1    2    1    inf   (a tie at the best)
 *   P2   30    15   fail  wrong             2    1    inf  inf
 *   P3   5     5    5     fail              1    1    1    inf   (a three-way tie)
 *   P4   fail  40   80    fail              inf  1    2    inf
 * </pre>
 *
 * rho_A = 2/4 at tau 1, 3/4 from tau 2; rho_B = 3/4, then 1; rho_C = 2/4, then 3/4; rho_D = 0 (it
 * solves nothing). The means are over P1 and P3, the problems A, B and C all solved (D solved none):
 * A: exp((ln 20 + ln 15) / 2) - 10 = sqrt(300) - 10; B: sqrt(450) - 10; C as A.
 */
class ComparisonTest {

    private static final double TOLERANCE = 1e-12;

    private static RunRecord run(String problem, String configuration, double pivots) {
        return new RunRecord(problem, configuration, true, 10, Map.of("pivots", pivots, "seconds", pivots / 1000));
    }

    private static RunRecord failed(String problem, String configuration) {
        return new RunRecord(problem, configuration, false, 12, Map.of("pivots", 99.0, "seconds", 0.099));
    }

    private static RunRecord wrong(String problem, String configuration, double pivots) {
        return new RunRecord(problem, configuration, true, 11, Map.of("pivots", pivots, "seconds", pivots / 1000));
    }

    private static final List<RunRecord> TABLE = List.of(
            run("P1", "A", 10), run("P1", "B", 20), run("P1", "C", 10), failed("P1", "D"),
            run("P2", "A", 30), run("P2", "B", 15), failed("P2", "C"), wrong("P2", "D", 3),
            run("P3", "A", 5), run("P3", "B", 5), run("P3", "C", 5), failed("P3", "D"),
            failed("P4", "A"), run("P4", "B", 40), run("P4", "C", 80), failed("P4", "D"));

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void ratiosAreCostOverTheCheapestWithTiesAtOneAndUnsolvedInfinite() {
        PerformanceProfile profile = Comparison.of(TABLE, SolvedRule.DEFAULT).profile(Measure.PIVOTS);

        assertEquals(List.of("A", "B", "C", "D"), profile.configurations());
        assertEquals(List.of("P1", "P2", "P3", "P4"), profile.problems());
        double[][] expected = {{1, 2, 1, INF}, {2, 1, 1, 1}, {1, INF, 1, 2}, {INF, INF, INF, INF}};
        for (int s = 0; s < 4; s++) {
            for (int p = 0; p < 4; p++) assertEquals(expected[s][p], profile.ratios()[s][p], TOLERANCE, "s" + s + " p" + p);
        }
        assertEquals(2.0, profile.largestFiniteRatio());
        assertEquals(List.of(1.0, 2.0), box(profile.taus()));
    }

    @Test
    void rhoIsTheFractionOfProblemsWithinTau() {
        PerformanceProfile profile = Comparison.of(TABLE, SolvedRule.DEFAULT).profile(Measure.PIVOTS);
        double[][] atOneOneHalfTwoTen = {{0.5, 0.5, 0.75, 0.75}, {0.75, 0.75, 1, 1}, {0.5, 0.5, 0.75, 0.75}, {0, 0, 0, 0}};
        double[] taus = {1, 1.5, 2, 10};
        for (int s = 0; s < 4; s++) {
            for (int t = 0; t < taus.length; t++) {
                assertEquals(atOneOneHalfTwoTen[s][t], profile.rho(s, taus[t]), TOLERANCE, "s" + s + " tau " + taus[t]);
            }
        }
        assertEquals(0, profile.rho(0, 0.999), "below 1 nothing is within");
    }

    @Test
    void shiftedGeometricMeansAreOverTheProblemsEveryConfigurationThatSolvedAnySolved() {
        List<ConfigurationSummary> rows = Comparison.of(TABLE, SolvedRule.DEFAULT).summaries(List.of(Measure.PIVOTS));

        MeasureSummary a = rows.get(0).measures().get("pivots");
        assertEquals(2, a.problems(), "P1 and P3");
        assertEquals(Math.sqrt(300) - 10, a.sgm(), 1e-9);
        assertEquals(Math.sqrt(450) - 10, rows.get(1).measures().get("pivots").sgm(), 1e-9);
        assertEquals(Math.sqrt(300) - 10, rows.get(2).measures().get("pivots").sgm(), 1e-9);
        MeasureSummary d = rows.get(3).measures().get("pivots");
        assertTrue(Double.isNaN(d.sgm()), "a configuration that solved nothing has no mean");
        assertEquals(0, d.problems());
    }

    @Test
    void countsOfSolvedWrongAndFailed() {
        List<ConfigurationSummary> rows = Comparison.of(TABLE, SolvedRule.DEFAULT).summaries(List.of(Measure.PIVOTS));
        int[][] solvedRunsWrongFailures = {{3, 4, 0, 1}, {4, 4, 0, 0}, {3, 4, 0, 1}, {0, 4, 1, 3}};
        for (int s = 0; s < 4; s++) {
            ConfigurationSummary row = rows.get(s);
            assertEquals(4, row.problems());
            assertEquals(solvedRunsWrongFailures[s][0], row.solved(), row.configuration());
            assertEquals(solvedRunsWrongFailures[s][1], row.runs(), row.configuration());
            assertEquals(solvedRunsWrongFailures[s][2], row.wrongAnswers(), row.configuration());
            assertEquals(solvedRunsWrongFailures[s][3], row.failures(), row.configuration());
        }
    }

    @Test
    void repeatsAreSummarisedByTheirMedianWithAFailedRepeatCountingAsInfinite() {
        Comparison three = Comparison.of(List.of(run("P", "A", 10), run("P", "A", 30), failed("P", "A")), SolvedRule.DEFAULT);
        Cell cell = three.cell(0, 0, Measure.PIVOTS);
        assertEquals(30, cell.median(), "10, 30, inf");
        assertEquals(10, cell.min());
        assertEquals(INF, cell.max());
        assertTrue(cell.solved(), "two of three repeats solved it");

        Comparison two = Comparison.of(List.of(run("P", "A", 10), failed("P", "A")), SolvedRule.DEFAULT);
        assertEquals(INF, two.cell(0, 0, Measure.PIVOTS).median(), "mean of 10 and inf");
        assertFalse(two.cell(0, 0, Measure.PIVOTS).solved(), "half is not more than half");

        Comparison four = Comparison.of(List.of(run("P", "A", 40), run("P", "A", 10), run("P", "A", 30),
                run("P", "A", 20)), SolvedRule.DEFAULT);
        assertEquals(25, four.cell(0, 0, Measure.PIVOTS).median());
        MeasureSummary summary = four.summaries(List.of(Measure.PIVOTS)).get(0).measures().get("pivots");
        assertEquals(25, summary.sgm(), 1e-9, "one problem: the mean is the value");
        assertEquals(10, summary.sgmMin(), 1e-9);
        assertEquals(40, summary.sgmMax(), 1e-9);
    }

    @Test
    void aConfigurationThatNeverRanAProblemDidNotSolveIt() {
        Comparison comparison = Comparison.of(List.of(run("P1", "A", 10), run("P1", "B", 10), run("P2", "A", 10)),
                SolvedRule.DEFAULT);
        assertEquals(INF, comparison.profile(Measure.PIVOTS).ratios()[1][1]);
        assertEquals(0, comparison.cell(1, 1, Measure.PIVOTS).runs());
    }

    @Test
    void costsBelowTheFloorCountAsTheFloor() {
        Comparison comparison = Comparison.of(List.of(
                new RunRecord("P", "A", true, 1, Map.of("seconds", 0.0)),
                new RunRecord("P", "B", true, 1, Map.of("seconds", 0.5e-6)),
                new RunRecord("P", "C", true, 1, Map.of("seconds", 2e-6))), SolvedRule.DEFAULT);
        double[][] ratios = comparison.profile(Measure.SECONDS).ratios();
        assertEquals(1, ratios[0][0]);
        assertEquals(1, ratios[1][0]);
        assertEquals(2, ratios[2][0], TOLERANCE);
    }

    @Test
    void aConfigurationWithoutTheMeasureIsLeftOutOfItsProfile() {
        Comparison comparison = Comparison.of(List.of(
                new RunRecord("P", "walk", true, 1, Map.of("seconds", 1.0, "pivots", 5.0)),
                new RunRecord("P", "adam", false, 1, Map.of("seconds", 2.0))), SolvedRule.DEFAULT);
        assertEquals(List.of("walk"), comparison.profile(Measure.PIVOTS).configurations());
        assertEquals(List.of("walk", "adam"), comparison.profile(Measure.SECONDS).configurations());
        assertFalse(comparison.summaries(List.of(Measure.PIVOTS)).get(1).measures().containsKey("pivots"));
    }

    @Test
    void solvedMeansCertifiedAndWithinTheToleranceOfTheBest() {
        SolvedRule rule = SolvedRule.DEFAULT; // 1e-6 * 100 + 1e-9 above 100
        assertTrue(rule.solved(new RunRecord("P", "A", true, 100.00009, Map.of()), 100));
        assertFalse(rule.solved(new RunRecord("P", "A", true, 100.0002, Map.of()), 100));
        assertFalse(rule.solved(new RunRecord("P", "A", false, 100, Map.of()), 100), "not certified");
        assertFalse(rule.solved(new RunRecord("P", "A", true, Double.NaN, Map.of()), 100));
        assertTrue(rule.solved(new RunRecord("P", "A", true, -5e-10, Map.of()), -1e-9), "the absolute part near zero");
    }

    @Test
    void theBestObjectiveComesFromAnyRunWithAnObjectiveEvenAnUncertifiedOne() {
        // an uncertified run that went lower than every certified one shows them to be wrong answers
        Comparison comparison = Comparison.of(List.of(new RunRecord("P", "walk", true, 10, Map.of("pivots", 3.0)),
                new RunRecord("P", "adam", false, 9, Map.of("pivots", 100.0))), SolvedRule.DEFAULT);
        assertEquals(9, comparison.best(0));
        assertEquals(1, comparison.summaries(List.of(Measure.PIVOTS)).get(0).wrongAnswers());
    }

    @Test
    void shiftedGeometricMean() {
        assertEquals(2, ShiftedGeometricMean.of(new double[] {1, 4}, 0), 1e-12);
        assertEquals(0, ShiftedGeometricMean.of(new double[] {0, 0}, 1), 1e-12);
        assertEquals(Math.sqrt(1000) - 10, ShiftedGeometricMean.of(new double[] {10, 40}, 10), 1e-9);
        assertTrue(Double.isNaN(ShiftedGeometricMean.of(new double[0], 10)));
        assertEquals(INF, ShiftedGeometricMean.of(new double[] {1, INF}, 10));
    }

    @Test
    void anUnknownMeasureNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Measure.named("time"));
        assertEquals("unknown measure \"time\"; known: seconds, pivots", e.getMessage());
    }

    private static List<Double> box(double[] values) {
        List<Double> boxed = new ArrayList<>();
        for (double v : values) boxed.add(v);
        return boxed;
    }
}
