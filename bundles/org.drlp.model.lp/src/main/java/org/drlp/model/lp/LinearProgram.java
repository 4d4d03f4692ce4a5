package org.drlp.model.lp;

import java.util.List;

/**
 * A linear program as an MPS file states it, ranges resolved: minimise (or maximise)
 * {@code c . x + constant} subject to {@code rowLower <= A x <= rowUpper} and
 * {@code columnLower <= x <= columnUpper}. Infinite bounds are {@code +-Infinity}; an E row has
 * equal bounds. A is stored by rows, sparse (CSR: row i's entries are {@code rowStart[i]} to
 * {@code rowStart[i + 1]}). Immutable by convention: nobody writes the arrays after reading.
 *
 * @param name            the NAME of the file (may be empty)
 * @param objectiveRow    the name of the objective (first N) row
 * @param maximise        OBJSENSE MAX
 * @param constant        the objective's constant: minus the RHS given on the objective row
 * @param rowTypes        L, G or E per constraint row (N rows other than the objective are dropped)
 * @param integerColumns  columns declared integer (MARKER or BV/LI/UI bounds) whose integrality was relaxed
 */
record LinearProgram(String name, String objectiveRow, boolean maximise, List<String> rowNames,
                     List<String> columnNames, char[] rowTypes, double[] rowLower, double[] rowUpper,
                     int[] rowStart, int[] entryColumn, double[] entryValue, double[] cost, double constant,
                     double[] columnLower, double[] columnUpper, List<String> integerColumns) {

    int rows() {
        return rowNames.size();
    }

    int columns() {
        return columnNames.size();
    }

    /** Row activity a_i . x. */
    double activity(int row, double[] x) {
        double s = 0;
        for (int e = rowStart[row]; e < rowStart[row + 1]; e++) s += entryValue[e] * x[entryColumn[e]];
        return s;
    }

    /** The objective in the file's sense: c . x + constant. */
    double objective(double[] x) {
        double s = constant;
        for (int c = 0; c < cost.length; c++) s += cost[c] * x[c];
        return s;
    }

    /**
     * Largest violation of a row or bound at x, each relative to the size of its terms
     * ({@code |a_i| . |x| + |bound| + 1}): 0 at a feasible point.
     */
    double maxRelativeViolation(double[] x) {
        double worst = 0;
        for (int i = 0; i < rows(); i++) {
            double s = 0, size = 1;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                double term = entryValue[e] * x[entryColumn[e]];
                s += term;
                size += Math.abs(term);
            }
            worst = Math.max(worst, violation(s, rowLower[i], rowUpper[i], size));
        }
        for (int c = 0; c < columns(); c++) {
            worst = Math.max(worst, violation(x[c], columnLower[c], columnUpper[c], 1 + Math.abs(x[c])));
        }
        return worst;
    }

    private static double violation(double value, double lower, double upper, double size) {
        double below = lower - value, above = value - upper;
        double v = Math.max(0, Math.max(below, above));
        if (v == 0) return 0;
        double bound = below > above ? lower : upper;
        return v / (size + Math.abs(bound));
    }
}
