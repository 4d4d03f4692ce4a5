package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.PivotRule;
import org.drlp.spi.ReluProgram;

/**
 * Runs the kernel on a program and checks, at every step, the walked state against a second
 * instance of the program recomputed from scratch at the same point and against an independent
 * objective; at the end, local optimality by one-sided finite differences and perturbations.
 */
final class WalkChecks {

    private final Supplier<ReluProgram> factory;
    private final ToDoubleFunction<double[]> objective;
    final List<Double> trace = new ArrayList<>();
    double worstStateError;

    /**
     * @param factory   fresh instances of the program under test
     * @param objective the objective computed independently (a plain forward pass)
     */
    WalkChecks(Supplier<ReluProgram> factory, ToDoubleFunction<double[]> objective) {
        this.factory = factory;
        this.objective = objective;
    }

    SolveResult solve(double[] start, PivotRule rule, boolean checkEveryStep) {
        return solve(start, rule, SolverOptions.defaults(), checkEveryStep);
    }

    /** The walk with the given options (its strategies, say). */
    SolveResult solve(double[] start, PivotRule rule, SolverOptions options, boolean checkEveryStep) {
        ReluProgram walked = factory.get();
        ReluProgram fresh = factory.get();
        StepListener listener = (iteration, f, step, entering, leaving, flips, nanos) -> {
            trace.add(f);
            if (checkEveryStep) compareWithRecomputation(walked, fresh, f);
        };
        return new VertexWalkSolver().solve(walked, start, rule, options, listener);
    }

    /** The tracked objective, the carried preactivations and the kept gradient equal a recomputation. */
    private void compareWithRecomputation(ReluProgram walked, ReluProgram fresh, double tracked) {
        double[] x = walked.point();
        double expected = objective.applyAsDouble(x);
        assertEquals(expected, tracked, 1e-8 * (1 + Math.abs(expected)), "tracked objective vs forward pass");
        assertEquals(expected, walked.value(), 1e-8 * (1 + Math.abs(expected)), "value() vs forward pass");
        fresh.reset(x);
        boolean[] carried = walked.highSide();
        // the walk keeps sides at zero preactivations; give the fresh copy the same pattern
        for (int j = 0; j < carried.length; j++) {
            if (fresh.highSide()[j] != carried[j]) fresh.flip(j);
        }
        double[] z = walked.preactivations(), z0 = fresh.preactivations();
        for (int j = 0; j < z.length; j++) {
            double tol = 1e-8 * (1 + fresh.scale(j));
            worstStateError = Math.max(worstStateError, Math.abs(z[j] - z0[j]) / (1 + fresh.scale(j)));
            assertEquals(z0[j], z[j], tol, "preactivation " + j);
            assertTrue(carried[j] ? z[j] >= -tol : z[j] <= tol, "neuron " + j + " outside its carried side: " + z[j]);
        }
        int n = walked.dimension();
        double[] g = new double[n], g0 = new double[n];
        walked.gradient(g);
        fresh.gradient(g0);
        double scale = 1 + Oracle.maxAbs(g0);
        for (int c = 0; c < n; c++) assertEquals(g0[c], g[c], 1e-9 * scale, "gradient " + c);
    }

    /** Objective never rises from one step to the next. */
    void assertMonotone() {
        double slack = 1e-9 * (1 + Math.abs(trace.get(0)));
        for (int s = 1; s < trace.size(); s++) {
            assertTrue(trace.get(s) <= trace.get(s - 1) + slack,
                    "objective rose at step " + s + ": " + trace.get(s - 1) + " -> " + trace.get(s));
        }
    }

    /**
     * The end point is a local minimum: the certificate's slopes, one-sided finite differences along
     * random directions and the coordinate axes, and random tiny perturbations never lower f.
     */
    void assertLocalMinimum(SolveResult result, SplittableRandom random) {
        double[] x = result.point();
        double f = objective.applyAsDouble(x);
        assertEquals(f, result.objective(), 1e-8 * (1 + Math.abs(f)));
        assertTrue(result.certificate().isLocallyOptimal(), "certificate slope " + result.certificate().minEdgeSlope());
        double h = 1e-6;
        for (int trial = 0; trial < 200 + 2 * x.length; trial++) {
            double[] v = new double[x.length];
            if (trial < 2 * x.length) v[trial / 2] = trial % 2 == 0 ? 1 : -1;
            else for (int c = 0; c < v.length; c++) v[c] = random.nextGaussian();
            double[] moved = ArgminProgramTest.plus(x, h, v);
            double slope = (objective.applyAsDouble(moved) - f) / h;
            assertTrue(slope >= -1e-6 * (1 + Math.abs(f)), "direction " + trial + " lowers f at rate " + slope);
        }
    }
}
