package org.drlp.model.lp;

/**
 * The LP's dual from the penalty walk's multipliers lambda_j (one per neuron, c + sum lambda_j a_j = 0):
 * the dual of a row is the derivative of the optimal objective in its right-hand side,
 * {@code y_i = -s sum lambda_j} over the row's neurons (s = 1 to minimise, -1 to maximise): at most 0 on
 * a binding L row of a minimisation, at least 0 on a G row. The reduced cost of a column is
 * {@code c_j - sum_i y_i a_ij = -s sum lambda_j} over its bound neurons.
 *
 * @param rowDual            per row
 * @param reducedCost        per column
 * @param largestMultiplier  max |lambda_j|: below M, the penalty was exact
 */
record Duals(double[] rowDual, double[] reducedCost, double largestMultiplier) {

    static Duals of(LinearProgram lp, PenaltyProgram program, double[] lambda) {
        double sense = lp.maximise() ? -1 : 1;
        double[] rows = new double[lp.rows()], columns = new double[lp.columns()];
        double largest = 0;
        for (int j = 0; j < lambda.length; j++) {
            int form = program.form(j);
            if (form < lp.rows()) rows[form] -= sense * lambda[j];
            else columns[form - lp.rows()] -= sense * lambda[j];
            largest = Math.max(largest, Math.abs(lambda[j]));
        }
        return new Duals(rows, columns, largest);
    }
}
