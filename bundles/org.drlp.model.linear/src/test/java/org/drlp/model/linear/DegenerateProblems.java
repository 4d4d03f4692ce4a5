package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.drlp.spi.PiecewiseLinearLoss;

/**
 * Small regression problems, random and deliberately degenerate, with an independent oracle: the LP
 * optimum of the same data on a column-independent subset of the design (the fitted values range
 * over the same column space, so the optimum is the same; commons-math3's simplex is unreliable on
 * the rank-deficient LP itself, see RandomProblemsTest).
 */
final class DegenerateProblems {

    private DegenerateProblems() {
    }

    /** How a problem is made degenerate. */
    enum Shape {
        /** Gaussian features and targets: the generic case. */
        GAUSSIAN,
        /** Features and targets in {0, 1, 2}: heavy ties, many exactly interpolated points. */
        INTEGER_TIES,
        /** Every row present two or three times. */
        DUPLICATE_ROWS,
        /** A column that is a multiple of another and a constant column beside the intercept. */
        COLLINEAR_AND_CONSTANT,
        /** More parameters than data points. */
        WIDE,
        /** All targets equal. */
        EQUAL_TARGETS,
        /** A start point interpolating many points exactly (integer data, integer start). */
        BOUNDARY_START,
        /** Gaussian data scaled by 1e-8. */
        TINY_SCALE,
        /** Gaussian data scaled by 1e8. */
        HUGE_SCALE
    }

    /**
     * @param design  row-major rows x n, intercept column last
     * @param scale   factor the data was multiplied by (the oracle solves the unscaled problem)
     */
    record Problem(Shape shape, long seed, double[] design, double[] y, int n, double[] start, double scale,
                   double[] unscaledDesign, double[] unscaledY) {

        int rows() {
            return y.length;
        }

        @Override
        public String toString() {
            return shape + " seed " + seed + ": " + rows() + " rows x " + n + " columns, scale " + scale;
        }
    }

    static Problem generate(Shape shape, long seed) {
        Random random = new Random(seed);
        int rows = 3 + random.nextInt(10), p = 1 + random.nextInt(3);
        double scale = 1;
        double[][] x;
        double[] y;
        double[] start = null;
        switch (shape) {
            case GAUSSIAN, TINY_SCALE, HUGE_SCALE -> {
                x = gaussian(random, rows, p);
                y = gaussian(random, rows);
                if (shape == Shape.TINY_SCALE) scale = 1e-8;
                if (shape == Shape.HUGE_SCALE) scale = 1e8;
            }
            case INTEGER_TIES -> {
                x = integers(random, rows, p, 3);
                y = integers(random, rows, 3);
            }
            case DUPLICATE_ROWS -> {
                int distinct = 2 + random.nextInt(5);
                double[][] base = random.nextBoolean() ? gaussian(random, distinct, p) : integers(random, distinct, p, 3);
                double[] baseY = gaussian(random, distinct);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < distinct; i++) {
                    int copies = 2 + random.nextInt(2);
                    for (int c = 0; c < copies; c++) order.add(i);
                }
                java.util.Collections.shuffle(order, random);
                rows = order.size();
                x = new double[rows][];
                y = new double[rows];
                for (int i = 0; i < rows; i++) {
                    x[i] = base[order.get(i)].clone();
                    y[i] = baseY[order.get(i)];
                }
            }
            case COLLINEAR_AND_CONSTANT -> {
                rows = 4 + random.nextInt(9);
                double factor = random.nextBoolean() ? 2 : -0.5;
                double constant = 1 + random.nextInt(3);
                boolean ties = random.nextBoolean();
                x = new double[rows][3];
                y = ties ? integers(random, rows, 3) : gaussian(random, rows);
                for (int i = 0; i < rows; i++) {
                    x[i][0] = ties ? random.nextInt(3) : random.nextGaussian();
                    x[i][1] = factor * x[i][0];
                    x[i][2] = constant;
                }
                p = 3;
            }
            case WIDE -> {
                rows = 1 + random.nextInt(4);
                p = rows + random.nextInt(3);
                x = random.nextBoolean() ? gaussian(random, rows, p) : integers(random, rows, p, 3);
                y = gaussian(random, rows);
            }
            case EQUAL_TARGETS -> {
                x = random.nextBoolean() ? gaussian(random, rows, p) : integers(random, rows, p, 3);
                y = new double[rows];
                java.util.Arrays.fill(y, random.nextInt(5) - 2);
            }
            case BOUNDARY_START -> {
                rows = 4 + random.nextInt(10);
                x = integers(random, rows, p, 4);
                start = new double[p + 1];
                for (int c = 0; c <= p; c++) start[c] = random.nextInt(5) - 2;
                y = new double[rows];
                for (int i = 0; i < rows; i++) {
                    double fit = start[p];
                    for (int c = 0; c < p; c++) fit += x[i][c] * start[c];
                    // most points lie exactly on the start's fit; the rest are off by a small integer
                    y[i] = random.nextInt(4) == 0 ? fit + random.nextInt(5) - 2 : fit;
                }
            }
            default -> throw new AssertionError(shape);
        }
        double[] unscaledDesign = Fixtures.withIntercept(x);
        int n = p + 1;
        double[] design = unscaledDesign.clone(), scaledY = y.clone();
        for (int i = 0; i < design.length; i++) design[i] *= scale;
        for (int i = 0; i < y.length; i++) scaledY[i] *= scale;
        return new Problem(shape, seed, design, scaledY, n, start == null ? new double[n] : start, scale,
                unscaledDesign, y);
    }

    /** The LP optimum of the unscaled problem on independent columns, times the scale. */
    static double oracle(Problem problem, PiecewiseLinearLoss unscaledLoss) {
        int[] keep = independentColumns(problem.unscaledDesign(), problem.rows(), problem.n());
        double[] reduced = new double[problem.rows() * keep.length];
        for (int i = 0; i < problem.rows(); i++) {
            for (int c = 0; c < keep.length; c++) reduced[i * keep.length + c] = problem.unscaledDesign()[i * problem.n() + keep[c]];
        }
        return problem.scale() * Fixtures.linearProgramOptimum(reduced, problem.unscaledY(), keep.length, unscaledLoss);
    }

    /** A maximal set of linearly independent columns, greedily by modified Gram-Schmidt. */
    static int[] independentColumns(double[] design, int rows, int n) {
        List<double[]> basis = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) v[i] = design[i * n + c];
            double norm = Math.sqrt(dot(v, v));
            for (double[] b : basis) {
                double projection = dot(v, b);
                for (int i = 0; i < rows; i++) v[i] -= projection * b[i];
            }
            double rest = Math.sqrt(dot(v, v));
            if (norm == 0 || rest <= 1e-9 * norm) continue;
            for (int i = 0; i < rows; i++) v[i] /= rest;
            basis.add(v);
            kept.add(c);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[][] gaussian(Random random, int rows, int p) {
        double[][] x = new double[rows][p];
        for (double[] row : x) for (int c = 0; c < p; c++) row[c] = random.nextGaussian();
        return x;
    }

    private static double[] gaussian(Random random, int rows) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) y[i] = 2 * random.nextGaussian();
        return y;
    }

    private static double[][] integers(Random random, int rows, int p, int bound) {
        double[][] x = new double[rows][p];
        for (double[] row : x) for (int c = 0; c < p; c++) row[c] = random.nextInt(bound);
        return x;
    }

    private static double[] integers(Random random, int rows, int bound) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) y[i] = random.nextInt(bound);
        return y;
    }
}
