package org.drlp.model.linear;

import java.util.List;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.drlp.spi.Solver;

/**
 * The bootstrap's replicates, solved with the kernel's vertex walk, each started from the
 * full-sample solution.
 */
final class QuantileSolves {

    /** Dantzig's rule (the most negative slope), the kernel's default, stateless. */
    private static final PivotRule DANTZIG = QuantileSolves::dantzig;

    private final Solver solver;

    QuantileSolves(Solver solver) {
        if (solver == null) {
            throw new IllegalStateException("this inference solves further regressions and needs the kernel's "
                    + "Solver service, which is not available");
        }
        this.solver = solver;
    }

    /**
     * Minimises the check loss at tau of target - design . beta from {@code start}.
     *
     * @throws IllegalStateException when the walk does not end OPTIMAL
     */
    SolveResult solve(double[] design, double[] target, int p, double tau, double[] start, String what) {
        SolveResult result = solver.solve(new PiecewiseLinearRegression(design, target, p, checkLoss(tau)),
                start.clone(), DANTZIG, SolverOptions.defaults(), StepListener.NONE);
        if (result.status() != SolveStatus.OPTIMAL) {
            throw new IllegalStateException(what + " ended " + result.status()
                    + (result.message().isEmpty() ? "" : ": " + result.message()));
        }
        return result;
    }

    /** The quantile loss at tau of the residual fit - y: slope -tau below 0, 1 - tau above. */
    static PiecewiseLinearLoss checkLoss(double tau) {
        List<PiecewiseLinearLoss.Kink> kinks = List.of(new PiecewiseLinearLoss.Kink(0, -tau, 1 - tau));
        return new PiecewiseLinearLoss() {
            @Override
            public List<Kink> kinks() {
                return kinks;
            }

            @Override
            public double value(double residual) {
                return residual < 0 ? -tau * residual : (1 - tau) * residual;
            }
        };
    }

    private static int dantzig(EdgeView edges) {
        int best = -1;
        double bestSlope = 0;
        for (int e = 0; e < edges.size(); e++) {
            if (!edges.improving(e)) continue;
            double slope = edges.slope(e);
            if (best < 0 || slope < bestSlope) {
                best = e;
                bestSlope = slope;
            }
        }
        return best;
    }
}
