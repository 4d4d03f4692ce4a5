package org.drlp.kernel.basis;

import java.util.Arrays;

import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * The critical set and its edge directions D, kept as the explicit inverse of the oriented critical
 * normals (row k is d_k, with n_j . d_k = delta_jk): the basis of the walk
 * (../../../../../../../../../docs/algorithm.md, sections 3, 5 and 8). Updated in place by one
 * Sherman-Morrison exchange per pivot ({@link #replace}) and the region change F1
 * ({@link #changeRegion}), recomputed by a dense LU ({@link #factor}); no allocation per pivot.
 *
 * <p>Each critical position holds a neuron (code >= 0) or a free coordinate direction (code
 * {@code -1 - coordinate}, with its sign). Another representation of the basis (a factorisation
 * with product-form or Forrest-Tomlin updates, say) is a class beside this one with the same
 * methods.
 */
public final class EdgeDirections {

    /**
     * Relative size (to |n_r| |d_k|) below which the pivot n_r . d_k of an exchange is round-off: the
     * exchange is then doubtful, and a line search does not stop at such a neuron
     * ({@link org.drlp.kernel.linesearch.PivotTolerance}).
     */
    public static final double PIVOT_EPSILON = 1e-11;

    private final ReluProgram program;
    private final boolean separable;
    private final int n;

    private final int[] critical;
    private final int[] positionOf;
    private final double[] freeSign;
    private final double[] directions;

    private final double[] products;
    private final double[] normalWork;
    /** d_k handed to the program's flipEffect (which may use it as it likes). */
    private final double[] flipWork;
    private final FlipCollector collector;

    public EdgeDirections(ReluProgram program) {
        this.program = program;
        this.separable = program instanceof SeparableProgram;
        this.n = program.dimension();
        int m = program.neuronCount();
        this.critical = new int[n];
        this.positionOf = new int[m];
        this.freeSign = new double[n];
        this.directions = new double[n * n];
        this.products = new double[n];
        this.normalWork = new double[n];
        this.flipWork = new double[n];
        this.collector = new FlipCollector(n);
    }

    // ---------------------------------------------------------------- the critical set

    /** Phase 1's start: every position a free coordinate direction, D = I. */
    public void startFree() {
        Arrays.fill(positionOf, -1);
        for (int k = 0; k < n; k++) {
            critical[k] = freeCode(k);
            freeSign[k] = 1;
            directions[k * n + k] = 1;
        }
    }

    /**
     * Takes the given n neurons as the critical set (D is not computed: {@link #factor} does that).
     *
     * @return false when a neuron is out of range or given twice
     */
    public boolean takeBasis(int[] basis) {
        int m = positionOf.length;
        Arrays.fill(positionOf, -1);
        for (int k = 0; k < n; k++) {
            int neuron = basis[k];
            if (neuron < 0 || neuron >= m || positionOf[neuron] >= 0) return false;
            critical[k] = neuron;
            positionOf[neuron] = k;
            freeSign[k] = 1;
        }
        return true;
    }

    /** Neuron at position k, or a free direction's code (< 0). */
    public int critical(int k) {
        return critical[k];
    }

    /** Position of neuron j in the critical set, or -1. */
    public int positionOf(int j) {
        return positionOf[j];
    }

    /** Neuron j -> its critical position or -1 (the walk's array, read by the line view). */
    public int[] positions() {
        return positionOf;
    }

    /** Neuron or free-direction code at each critical position (a copy). */
    public int[] criticalSet() {
        return critical.clone();
    }

    /** Oriented normal of critical position k (a free direction's signed unit vector) into out. */
    public void criticalNormal(int k, double[] out) {
        int neuron = critical[k];
        if (neuron < 0) {
            Arrays.fill(out, 0);
            out[coordinateOf(neuron)] = freeSign[k];
        } else {
            program.normal(neuron, out);
            double sign = program.highSide()[neuron] ? 1 : -1;
            for (int i = 0; i < n; i++) out[i] *= sign;
        }
    }

    // ---------------------------------------------------------------- D

    /** D, row-major, row k = d_k (the walk's array: read it, never write it). */
    public double[] matrix() {
        return directions;
    }

    /** Writes the direction of edge e into out: d_k, or its other-side counterpart (F1). */
    public void edgeDirection(int e, double[] out) {
        int k = e / 2;
        System.arraycopy(directions, k * n, out, 0, n);
        if ((e & 1) == 0) return;
        for (int i = 0; i < n; i++) out[i] = -out[i];
        if (critical[k] < 0 || separable) return;
        collectFlipEffect(k);
        System.arraycopy(directions, k * n, out, 0, n);
        for (int i = 0; i < n; i++) out[i] = -out[i];
        for (int q = 0; q < collector.count; q++) {
            int other = collector.position[q] * n;
            double c = collector.coefficient[q];
            for (int i = 0; i < n; i++) out[i] += c * directions[other + i];
        }
    }

    /**
     * Runs the program's flipEffect for the neuron at position k along d_k and collects F1's
     * coefficients c~_m = sigma_m * change of nu_m . d_k of the critical neurons downstream of it
     * ({@link #flipCount}, {@link #flipPosition}, {@link #flipCoefficient}).
     *
     * @return the change of the slope along d_k that the flip makes
     */
    public double collectFlipEffect(int k) {
        collector.reset();
        System.arraycopy(directions, k * n, flipWork, 0, n);
        return program.flipEffect(critical[k], flipWork, collector);
    }

    /** Critical neurons downstream of the last {@link #collectFlipEffect}. */
    public int flipCount() {
        return collector.count;
    }

    public int flipPosition(int q) {
        return collector.position[q];
    }

    public double flipCoefficient(int q) {
        return collector.coefficient[q];
    }

    /** The free direction at position k turns round. */
    public void turnFree(int k) {
        freeSign[k] = -freeSign[k];
        negateRow(k);
    }

    /** Region change (F1): flips the critical neuron at position k and updates its edge direction. */
    public void changeRegion(int k) {
        int neuron = critical[k];
        if (separable) {
            program.flip(neuron);
            negateRow(k);
        } else {
            collectFlipEffect(k);
            program.flip(neuron);
            int row = k * n;
            for (int i = 0; i < n; i++) directions[row + i] = -directions[row + i];
            for (int q = 0; q < collector.count; q++) {
                int other = collector.position[q] * n;
                double c = collector.coefficient[q];
                for (int i = 0; i < n; i++) directions[row + i] += c * directions[other + i];
            }
        }
    }

    private void negateRow(int k) {
        int row = k * n;
        for (int i = 0; i < n; i++) directions[row + i] = -directions[row + i];
    }

    /**
     * Basis exchange: neuron r replaces position k. Sherman-Morrison on the rows of D:
     * d_k' = d_k / (n_r . d_k), d_j' = d_j - (n_r . d_j) d_k'.
     *
     * @param expectedPivot the rate n_r . d_k the line search saw (NaN: none)
     * @return true when the pivot disagrees with it or is tiny: D should be recomputed
     */
    public boolean replace(int k, int entering, double expectedPivot) {
        program.normal(entering, normalWork);
        double sign = program.highSide()[entering] ? 1 : -1;
        for (int j = 0; j < n; j++) {
            int row = j * n;
            double s = 0;
            for (int i = 0; i < n; i++) s += normalWork[i] * directions[row + i];
            products[j] = sign * s;
        }
        double pivot = products[k];
        boolean doubtful = !(Math.abs(pivot - expectedPivot) <= 1e-7 * (Math.abs(expectedPivot) + Math.abs(pivot)))
                || Math.abs(pivot) < PIVOT_EPSILON * Math.sqrt(dot(normalWork, normalWork) * rowNormSquared(k));
        int rowK = k * n;
        double inverse = 1 / pivot;
        for (int i = 0; i < n; i++) directions[rowK + i] *= inverse;
        for (int j = 0; j < n; j++) {
            double u = products[j];
            if (j == k || u == 0) continue;
            int row = j * n;
            for (int i = 0; i < n; i++) directions[row + i] -= u * directions[rowK + i];
        }
        int leaving = critical[k];
        if (leaving >= 0) positionOf[leaving] = -1;
        critical[k] = entering;
        positionOf[entering] = k;
        return doubtful;
    }

    /** D from the oriented normals of the critical set (A^-1, row k = d_k); false when singular. */
    public boolean factor() {
        double[] a = new double[n * n];
        for (int k = 0; k < n; k++) {
            int neuron = critical[k];
            if (neuron < 0) {
                a[k * n + coordinateOf(neuron)] = freeSign[k];
            } else {
                program.normal(neuron, normalWork);
                double sign = program.highSide()[neuron] ? 1 : -1;
                for (int i = 0; i < n; i++) a[k * n + i] = sign * normalWork[i];
            }
        }
        return DenseLu.invertTransposed(a, n, 1e-13, directions);
    }

    /**
     * The move -sum_c z~_c d_c that puts every critical neuron back on its boundary, into out.
     *
     * @return false when every critical preactivation is zero already (out is then all zero)
     */
    public boolean snapMove(double[] out) {
        Arrays.fill(out, 0);
        double[] z = program.preactivations();
        boolean[] high = program.highSide();
        boolean any = false;
        for (int k = 0; k < n; k++) {
            int neuron = critical[k];
            if (neuron < 0) continue;
            double residual = high[neuron] ? z[neuron] : -z[neuron];
            if (residual == 0) continue;
            any = true;
            int row = k * n;
            for (int i = 0; i < n; i++) out[i] -= residual * directions[row + i];
        }
        return any;
    }

    private double rowNormSquared(int k) {
        double s = 0;
        for (int i = 0; i < n; i++) s += directions[k * n + i] * directions[k * n + i];
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static int freeCode(int coordinate) {
        return -1 - coordinate;
    }

    private static int coordinateOf(int code) {
        return -1 - code;
    }

    /** Collects F1's coefficients c~_m = sigma_m * change of nu_m . d_k for critical m downstream of a flip. */
    private final class FlipCollector implements ReluProgram.FlipSink {
        final int[] position;
        final double[] coefficient;
        int count;

        FlipCollector(int capacity) {
            position = new int[capacity];
            coefficient = new double[capacity];
        }

        void reset() {
            count = 0;
        }

        @Override
        public void accept(int neuron, double change) {
            int p = positionOf[neuron];
            if (p < 0 || change == 0) return;
            if (count == position.length) {
                throw new IllegalStateException("program reported more downstream changes than critical neurons");
            }
            position[count] = p;
            coefficient[count] = (program.highSide()[neuron] ? 1 : -1) * change;
            count++;
        }
    }
}
