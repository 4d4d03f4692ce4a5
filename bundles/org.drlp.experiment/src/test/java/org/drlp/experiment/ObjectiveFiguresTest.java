package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.drlp.report.Figure;
import org.drlp.report.Panel;
import org.drlp.report.Scale;
import org.drlp.report.Series;
import org.junit.jupiter.api.Test;

/** Overlays: gap to the best on a log axis, repeats as median and band, pivots and epochs apart. */
class ObjectiveFiguresTest {

    private static ObjectiveFigures.Repeat trace(double[] iterations, double[] objectives) {
        return trace(0, iterations, objectives);
    }

    private static ObjectiveFigures.Repeat trace(int repeat, double[] iterations, double[] objectives) {
        double[] seconds = new double[iterations.length];
        for (int i = 0; i < seconds.length; i++) seconds[i] = iterations[i] / 100;
        return new ObjectiveFigures.Repeat(repeat, new ObjectiveTrace(iterations, seconds, objectives));
    }

    @Test
    void theGapIsToTheBestObjectiveOfTheGroupAndAZeroGapIsDrawnADecadeBelowTheSmallestPositiveOne() {
        ObjectiveFigures.Line a = new ObjectiveFigures.Line("a", "pivots", 0,
                List.of(trace(new double[] {0, 1, 2}, new double[] {10, 7, 5})));
        ObjectiveFigures.Line b = new ObjectiveFigures.Line("b", "pivots", 1,
                List.of(trace(new double[] {0, 1}, new double[] {10, 5.02})));
        Figure figure = ObjectiveFigures.overlay("t", List.of(a, b), ObjectiveFigures.OverlayValue.GAP);

        Panel byPivot = figure.panels().get(0);
        assertEquals(Scale.LOG, byPivot.yScale());
        assertEquals(Scale.INTEGER, byPivot.xScale());
        // best 5; gaps 5, 2, 0 and 5, 0.02; the smallest positive is 0.02, so 0 is drawn at 1e-3
        assertArrayEquals(new double[] {5, 2, 1e-3}, byPivot.series().get(0).y(), 1e-12);
        assertArrayEquals(new double[] {5, 0.02}, byPivot.series().get(1).y(), 1e-12);
        assertTrue(byPivot.yLabel().contains("f_best = 5") && byPivot.yLabel().contains("0 drawn at 1e-03"),
                byPivot.yLabel());
    }

    @Test
    void eachRepeatIsMeasuredFromItsOwnBestAndRoundingSizedGapsAreZero() {
        // repeat 1 solved another instance (its data seed is offset), with optimum 100
        ObjectiveFigures.Line a = new ObjectiveFigures.Line("a", "pivots", 0, List.of(
                trace(0, new double[] {0, 1}, new double[] {10, 5}),
                trace(1, new double[] {0, 1}, new double[] {120, 100 + 1e-12})));
        ObjectiveFigures.Line b = new ObjectiveFigures.Line("b", "pivots", 1, List.of(
                trace(0, new double[] {0, 1}, new double[] {10, 6}),
                trace(1, new double[] {0, 1}, new double[] {120, 100})));
        Figure figure = ObjectiveFigures.overlay("t", List.of(a, b), ObjectiveFigures.OverlayValue.GAP);
        Series lineA = figure.panels().get(0).series().get(0);
        Series lineB = figure.panels().get(0).series().get(1);
        // gaps of a: repeat 0: 5, 0; repeat 1: 20, 0 (1e-12 is rounding); of b: 5, 1 and 20, 0; zero drawn at 0.1
        assertArrayEquals(new double[] {12.5, 0.1}, lineA.y(), 1e-12);
        assertArrayEquals(new double[] {5, 0.1}, lineA.low(), 1e-12);
        assertArrayEquals(new double[] {20, 0.1}, lineA.high(), 1e-12);
        assertArrayEquals(new double[] {12.5, 0.55}, lineB.y(), 1e-12);
        assertEquals("f - f_best of its repeat (0 drawn at 1e-01)", figure.panels().get(0).yLabel());
    }

    @Test
    void rawObjectiveOnALinearAxisWhenAsked() {
        ObjectiveFigures.Line a = new ObjectiveFigures.Line("a", "pivots", 0,
                List.of(trace(new double[] {0, 1}, new double[] {10, 5})));
        Figure figure = ObjectiveFigures.overlay("t", List.of(a), ObjectiveFigures.OverlayValue.OBJECTIVE);
        assertEquals(Scale.LINEAR, figure.panels().get(0).yScale());
        assertArrayEquals(new double[] {10, 5}, figure.panels().get(0).series().get(0).y());
    }

    @Test
    void repeatsAreTheirMedianWithABandFromTheLeastToTheGreatestEachFlatAfterItsEnd() {
        ObjectiveFigures.Line line = new ObjectiveFigures.Line("random", "pivots", 0, List.of(
                trace(new double[] {0, 1, 2}, new double[] {9, 6, 3}),
                trace(new double[] {0, 2}, new double[] {9, 4}),
                trace(new double[] {0, 1, 2, 3}, new double[] {9, 8, 7, 1})));
        Series series = ObjectiveFigures.overlay("t", List.of(line), ObjectiveFigures.OverlayValue.OBJECTIVE)
                .panels().get(0).series().get(0);
        assertArrayEquals(new double[] {0, 1, 2, 3}, series.x());
        // at 1: 6, 9 (not moved yet), 8; at 2: 3, 4, 7; at 3: 3 (ended), 4 (ended), 1
        assertArrayEquals(new double[] {9, 8, 4, 3}, series.y());
        assertArrayEquals(new double[] {9, 6, 3, 1}, series.low());
        assertArrayEquals(new double[] {9, 9, 7, 4}, series.high());
        assertEquals("random (median of 3, band min-max)", series.name());
    }

    @Test
    void pivotsAndEpochsNeverShareAnAxisButShareTimeAndKeepTheirStyle() {
        ObjectiveFigures.Line walk = new ObjectiveFigures.Line("solver.method=vertex-walk", "pivots", 0,
                List.of(trace(new double[] {0, 1}, new double[] {10, 5})));
        ObjectiveFigures.Line adam = new ObjectiveFigures.Line("solver.method=adam", "epochs", 1,
                List.of(trace(new double[] {0, 1, 2}, new double[] {10, 8, 6})));
        Figure figure = ObjectiveFigures.overlay("t", List.of(walk, adam), ObjectiveFigures.OverlayValue.GAP);
        assertEquals(List.of("pivots", "epochs", "seconds"), figure.panels().stream().map(Panel::xLabel).toList());
        assertEquals(List.of("solver.method=vertex-walk"), names(figure.panels().get(0)));
        assertEquals(List.of("solver.method=adam"), names(figure.panels().get(1)));
        assertEquals(List.of("solver.method=vertex-walk", "solver.method=adam"), names(figure.panels().get(2)));
        assertEquals(1, figure.panels().get(1).series().get(0).style(), "adam looks the same in both its panels");
        assertEquals(1, figure.panels().get(2).series().get(1).style());
    }

    private static List<String> names(Panel panel) {
        return panel.series().stream().map(Series::name).toList();
    }
}
