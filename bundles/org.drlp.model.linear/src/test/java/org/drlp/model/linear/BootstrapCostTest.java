package org.drlp.model.linear;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.drlp.api.CoefficientTable;
import org.drlp.api.SolveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of a bootstrap replicate, for the README: pivots and milliseconds per replicate on engel
 * and on a 100,000 x 10 synthetic problem, against the full sample's walk from zero. A measurement,
 * not a check; run it with
 * {@code mvn -B -o -q -pl bundles/org.drlp.model.linear verify -Dtest=BootstrapCostTest -DargLine=-Dbootstrap.cost=true}.
 */
@EnabledIfSystemProperty(named = "bootstrap.cost", matches = "true")
class BootstrapCostTest {

    @Test
    void engel() {
        QuantileFit fit = ReferenceData.fit("engel", 0.5);
        measure("engel 235 x 2", fit, Bootstrap.Method.XY, 1000);
        measure("engel 235 x 2", fit, Bootstrap.Method.WILD, 1000);
    }

    @Test
    void synthetic() {
        int n = 100_000, features = 10, p = features + 1;
        SplittableRandom random = new SplittableRandom(42);
        double[] design = new double[n * p], target = new double[n];
        for (int i = 0; i < n; i++) {
            double y = 1;
            for (int c = 0; c < features; c++) {
                double x = random.nextDouble() * 2 - 1;
                design[i * p + c] = x;
                y += (c + 1) * x;
            }
            design[i * p + features] = 1;
            // heavy-tailed noise: a standard normal over the root of an independent chi-square(3) / 3
            double z = gaussian(random), chi = 0;
            for (int k = 0; k < 3; k++) chi += Math.pow(gaussian(random), 2);
            target[i] = y + z / Math.sqrt(chi / 3);
        }
        long start = System.nanoTime();
        SolveResult full = ReferenceData.solves().solve(design, target, p, 0.5, new double[p], "the full sample");
        System.out.printf(Locale.ROOT, "synthetic 100000 x 10: full sample from zero %d pivots, %.0f ms%n",
                full.iterations(), (System.nanoTime() - start) * 1e-6);
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < features; c++) names.add("x" + c);
        names.add("intercept");
        QuantileFit fit = new QuantileFit(design, target, p, 0.5, names, full.point(), true);
        measure("synthetic 100000 x 10", fit, Bootstrap.Method.XY, 20);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static void measure(String what, QuantileFit fit, Bootstrap.Method method, int replicates) {
        CoefficientTable table = new Bootstrap(ReferenceData.solves(), method, replicates, 1).table(fit, 0.95);
        System.out.println(what + ": " + table.notes().get(0));
    }
}
