package org.drlp.api;

import java.util.List;

/**
 * The coefficients of a fitted model by name, with the inference the model was asked for: what a
 * statistician reads from {@code summary(rq(...))}. Entries a method does not give are NaN (a
 * rank-inversion interval has no standard error; {@code none} gives estimates only).
 *
 * @param inference   how the inference was made: {@code rank}, {@code iid}, {@code nid}, {@code ker},
 *                    {@code boot} or {@code none}
 * @param level       confidence level of the intervals, for example 0.95; NaN for none
 * @param statistic   name of the test statistic column, {@code t} or {@code z}; empty for none
 * @param rows        one per coefficient, in the order of the problem's parameter names
 * @param covariance  row-major p x p covariance of the estimates, in the order of {@code rows}; null
 *                    when the method gives none (rank inversion, none)
 * @param unique      whether the solution is known to be the only minimiser (for a certified vertex
 *                    of a convex problem: the smallest edge slope is strictly positive); false says
 *                    "the solution may be nonunique"
 * @param notes       one-line remarks a user must see (the bootstrap's cost, a fallback taken)
 * @since 2.3
 */
public record CoefficientTable(String inference, double level, String statistic, List<Coefficient> rows,
                               double[] covariance, boolean unique, List<String> notes) {

    public CoefficientTable {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        if (covariance != null && covariance.length != rows.size() * rows.size()) {
            throw new IllegalArgumentException("covariance has " + covariance.length + " entries for "
                    + rows.size() + " coefficients");
        }
    }

    /**
     * One coefficient.
     *
     * @param standardError  NaN when the method gives none
     * @param statistic      estimate / standard error (t or z value); NaN without a standard error
     * @param pValue         two-sided p-value of the statistic; NaN without one
     * @param lower          lower end of the confidence interval; NaN without one, -infinity when unbounded
     * @param upper          upper end of the confidence interval; NaN without one, +infinity when unbounded
     */
    public record Coefficient(String name, double estimate, double standardError, double statistic, double pValue,
                              double lower, double upper) {
    }
}
