package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.drlp.api.SolveResult;
import org.drlp.model.linear.RealPlugins.Loss;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Case weights, for every shipped loss (epsilon-insensitive has kinks away from 0, where scaling
 * a row would not do): an integer weight k is the row written k times (0: left out), and any
 * weights give the weighted linear program's optimum.
 */
class IntegerWeightsAreDuplicatedRowsPropertyTest {

    @Property(tries = 300, seed = "16")
    void integerWeightsEqualDuplicatedRows(@ForAll Loss lossKind, @ForAll @IntRange(min = 4, max = 30) int rows,
                                           @ForAll @IntRange(min = 1, max = 3) int features,
                                           @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Random random = new Random(seed);
        PiecewiseLinearLoss loss = lossKind.create(1);
        double[] x = new double[rows * (features + 1)], y = new double[rows];
        List<Double> duplicatedX = new ArrayList<>();
        List<Double> duplicatedY = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int weight = random.nextInt(4);
            if (i == 0) weight = Math.max(weight, 1);
            y[i] = random.nextInt(5) == 0 ? Math.rint(random.nextGaussian() * 3) : random.nextGaussian() * 3;
            for (int f = 0; f < features; f++) x[i * (features + 1) + f] = random.nextInt(3) == 0 ? 1 : random.nextGaussian();
            x[i * (features + 1) + features] = weight;
            for (int k = 0; k < weight; k++) {
                for (int f = 0; f < features; f++) duplicatedX.add(x[i * (features + 1) + f]);
                duplicatedY.add(y[i]);
            }
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < features; f++) names.add("x" + f);
        List<String> withWeights = new ArrayList<>(names);
        withWeights.add("w");
        Dataset weighted = new Dataset("weighted", withWeights, "y", rows, x, y);
        Dataset duplicated = new Dataset("duplicated", names, "y", duplicatedY.size(),
                duplicatedX.stream().mapToDouble(Double::doubleValue).toArray(),
                duplicatedY.stream().mapToDouble(Double::doubleValue).toArray());

        SolveResult a = RReferenceFiles.solve(RReferenceFiles.build(weighted, loss, Map.of("weights", "w")));
        SolveResult b = RReferenceFiles.solve(RReferenceFiles.build(duplicated, loss, Map.of()));
        double tolerance = 1e-9 * (1 + Math.abs(b.objective()));
        assertEquals(b.objective(), a.objective(), tolerance, lossKind + ", seed " + seed);
    }

    @Property(tries = 200, seed = "17")
    void anyWeightsGiveTheWeightedLinearProgramsOptimum(@ForAll Loss lossKind,
                                                        @ForAll @IntRange(min = 4, max = 20) int rows,
                                                        @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Random random = new Random(seed);
        PiecewiseLinearLoss loss = lossKind.create(1);
        double[] x = new double[rows * 2], y = new double[rows], w = new double[rows], design = new double[rows * 2];
        for (int i = 0; i < rows; i++) {
            x[2 * i] = random.nextGaussian();
            w[i] = random.nextInt(6) == 0 ? 0 : 0.05 + 3 * random.nextDouble();
            x[2 * i + 1] = w[i];
            y[i] = 2 * x[2 * i] + random.nextGaussian();
            design[2 * i] = x[2 * i];
            design[2 * i + 1] = 1;
        }
        w[0] = 1;
        x[1] = 1;
        var problem = RReferenceFiles.build(new Dataset("weighted", List.of("x", "w"), "y", rows, x, y), loss,
                Map.of("weights", "w"));
        SolveResult result = RReferenceFiles.solve(problem);
        double lp = Fixtures.linearProgramOptimum(design, y, w, 2, loss);
        double tolerance = 1e-7 * (1 + Math.abs(lp));
        assertEquals(lp, result.objective(), tolerance, lossKind + ", seed " + seed);
        assertEquals(lp, RReferenceFiles.objective(design, y, w, 2, loss, result.point()), tolerance,
                lossKind + ", seed " + seed + ": the point");
    }
}
