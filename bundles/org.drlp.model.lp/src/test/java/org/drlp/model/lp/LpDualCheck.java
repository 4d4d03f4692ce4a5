package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a reported LP optimum and its duals on the LP's data alone, as a textbook would: the reduced
 * costs are c - A'y, every dual has the sign its binding bound allows (zero where no bound binds:
 * complementary slackness), and the dual objective (each dual times the bound it binds, plus the
 * constant) equals the primal objective.
 */
final class LpDualCheck {

    private LpDualCheck() {
    }

    static void check(LinearProgram lp, double[] x, Duals duals, double objective, double relative) {
        double sense = lp.maximise() ? -1 : 1;
        double scale = 1 + Math.abs(objective);
        double[] reduced = lp.cost().clone();
        double dualObjective = lp.constant();
        for (int i = 0; i < lp.rows(); i++) {
            double y = duals.rowDual()[i];
            for (int e = lp.rowStart()[i]; e < lp.rowStart()[i + 1]; e++) reduced[lp.entryColumn()[e]] -= y * lp.entryValue()[e];
            dualObjective += y * binding(y * sense, lp.activity(i, x), lp.rowLower()[i], lp.rowUpper()[i], scale, relative,
                    "row " + lp.rowNames().get(i));
        }
        for (int c = 0; c < lp.columns(); c++) {
            double d = duals.reducedCost()[c];
            assertEquals(reduced[c], d, relative * scale * (1 + Math.abs(lp.cost()[c])),
                    "reduced cost of " + lp.columnNames().get(c) + " is c - A'y");
            dualObjective += d * binding(d * sense, x[c], lp.columnLower()[c], lp.columnUpper()[c], scale, relative,
                    "column " + lp.columnNames().get(c));
        }
        assertEquals(objective, dualObjective, relative * scale, "dual objective equals primal objective");
    }

    /**
     * The bound a dual of this sign multiplies (positive for a minimisation: the lower bound), after checking
     * it is finite and that the value is at it (complementary slackness, up to round-off in the product).
     */
    private static double binding(double signedDual, double value, double lower, double upper, double scale,
                                  double relative, String what) {
        if (signedDual == 0) return 0;
        double bound = signedDual > 0 ? lower : upper;
        if (Double.isInfinite(bound)) {
            assertTrue(Math.abs(signedDual) * (1 + Math.abs(value)) <= relative * scale,
                    what + ": dual " + signedDual + " on a side without a bound");
            return 0;
        }
        assertTrue(Math.abs(signedDual * (value - bound)) <= relative * scale,
                what + ": complementary slackness, dual " + signedDual + " but the value " + value + " is off its bound "
                        + bound);
        return bound;
    }
}
