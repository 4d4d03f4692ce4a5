package org.drlp.kernel;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.drlp.api.SolveResult;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.model.linear.PiecewiseLinearRegression;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.drlp.spi.ReluProgram;

/** Prints every solve's status, objective bits, pivots, point hash and step-trace hash, one line each: bench/bit-identity.sh diffs two builds. */
public class BitIdentity {
    static final PivotRule DANTZIG = e -> { int b = -1; for (int i = 0; i < e.size(); i++) if (e.improving(i) && (b < 0 || e.slope(i) < e.slope(b))) b = i; return b; };
    static final PivotRule STEEPEST = e -> { int b = -1; double bv = 0; for (int i = 0; i < e.size(); i++) if (e.improving(i)) { double v = e.slope(i) / Math.sqrt(e.normSquared(i)); if (b < 0 || v < bv) { b = i; bv = v; } } return b; };
    static final PivotRule GREATEST = e -> { int b = -1; double bv = 0; for (int i = 0; i < e.size(); i++) if (e.improving(i)) { double v = e.improvement(i); if (b < 0 || v > bv) { b = i; bv = v; } } return b; };

    static PiecewiseLinearLoss quantile(double tau) {
        return new PiecewiseLinearLoss() {
            public List<Kink> kinks() { return List.of(new Kink(0, tau - 1, tau)); }
            public double value(double z) { return z < 0 ? (tau - 1) * z : tau * z; }
        };
    }

    static class Trace implements StepListener {
        long h = 17;
        public void onStep(long it, double f, double step, int in, int out, int flips, long nanos) {
            h = h * 31 + Double.doubleToRawLongBits(f); h = h * 31 + Double.doubleToRawLongBits(step); h = h * 31 + in * 7919L + out;
        }
    }

    static void report(String name, SolveResult r, Trace t) {
        long ph = 0;
        if (r.point() != null) for (double v : r.point()) ph = ph * 31 + Double.doubleToRawLongBits(v);
        String cert = r.certificate() == null ? "-" : Long.toHexString(Double.doubleToRawLongBits(r.certificate().minEdgeSlope()))
                + "/" + Long.toHexString(Double.doubleToRawLongBits(r.certificate().dualMaxViolation()));
        System.out.println(name + " " + r.status() + " " + Long.toHexString(Double.doubleToRawLongBits(r.objective())) + " " + r.iterations()
                + " " + r.regionChanges() + " " + Long.toHexString(ph) + " " + Long.toHexString(t.h) + " " + cert);
    }

    public static void main(String[] args) {
        String[][] combos = {{"auto", "bland-after"}, {"harris", "bland-after"}, {"weighted-median", "bland-after"}, {"crossing", "bland-after"},
                {"auto", "random-after"}, {"harris", "none"}, {"weighted-median", "random-after"}};
        PivotRule[] rules = {DANTZIG, STEEPEST, GREATEST};
        String[] ruleNames = {"dantzig", "steepest", "greatest"};
        int[][] sizes = {{200, 5}, {1500, 8}, {6000, 6}};
        for (int[] size : sizes) for (int ties = 0; ties < 2; ties++) for (double tau : new double[] {0.5, 0.3}) {
            int rows = size[0], p = size[1];
            Random random = new Random(rows * 31L + p + ties);
            double[] design = new double[rows * p], y = new double[rows];
            for (int i = 0; i < rows; i++) {
                double fit = 1;
                for (int c = 0; c < p - 1; c++) { double v = ties == 1 ? random.nextInt(4) : random.nextGaussian(); design[i * p + c] = v; fit += v; }
                design[i * p + p - 1] = 1;
                y[i] = ties == 1 ? Math.round(fit + random.nextGaussian()) : fit + random.nextGaussian();
            }
            for (String[] combo : combos) for (int r = 0; r < rules.length; r++) {
                if (rows > 2000 && r == 2) continue;
                for (String refactor : new String[] {"every", "adaptive"}) {
                    SolverOptions o = SolverOptions.defaults().withStrategy(ShippedStrategies.choice("lineSearch", combo[0], Map.of()))
                            .withStrategy(ShippedStrategies.choice("antiCycling", combo[1], Map.of()))
                            .withStrategy(ShippedStrategies.choice("refactor", refactor, Map.of()));
                    Trace t = new Trace();
                    SolveResult res = new VertexWalkSolver().solve(new PiecewiseLinearRegression(design, y, p, quantile(tau)), new double[p], rules[r], o, t);
                    report("lin " + rows + "x" + p + " ties" + ties + " tau" + tau + " " + combo[0] + "/" + combo[1] + "/" + refactor + " " + ruleNames[r], res, t);
                }
            }
        }
        String[] relu = {"auto", "harris", "crossing"};
        for (long seed = 1; seed <= 12; seed++) {
            for (String ls : relu) for (int r = 0; r < rules.length; r++) {
                ReluProgram net = DenseNetwork.random(4 + (int) (seed % 3), new int[] {6, 5}, seed);
                double[] x0 = new double[net.dimension()];
                Random random = new Random(seed);
                for (int i = 0; i < x0.length; i++) x0[i] = random.nextGaussian();
                Trace t = new Trace();
                SolverOptions o = SolverOptions.defaults().withStrategy(ShippedStrategies.choice("lineSearch", ls, Map.of()));
                SolveResult res = new VertexWalkSolver().solve(net, x0, rules[r], o, t);
                report("relu seed" + seed + " " + ls + " " + ruleNames[r], res, t);
            }
        }
    }
}
