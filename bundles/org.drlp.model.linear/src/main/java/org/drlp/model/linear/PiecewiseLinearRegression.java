package org.drlp.model.linear;

import java.util.List;

import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;
import org.drlp.spi.SeparableProgram;

/**
 * Regression with a piecewise-linear loss as a separable ReLU program:
 * f(x) = sum_i loss(a_i . x - y_i), one neuron per data point and kink of the loss, with
 * z_(i,q) = a_i . x - y_i - at_q. The design is stored row-major so that one directional pass
 * streams it once. A {@linkplain #restrict restricted} copy may carry a linear term c . x (rows folded
 * in on a fixed side), which the plain model does not have.
 *
 * <p>Case weights w_i make it sum_i w_i loss(...): every slope of row i's neurons is multiplied by
 * w_i. Scaling the row and its target by w_i instead, as R's {@code rq.wfit} does, is the same only
 * for a loss whose kinks all sit at 0; epsilon-insensitive has kinks at +-epsilon, which scaling
 * would move. Without weights every loop is the unweighted one, so that its walk stays bit for bit.
 */
public final class PiecewiseLinearRegression implements SeparableProgram {

    private final int rows;
    private final int n;
    private final int kinks;
    private final double[] design;
    private final double[] target;
    private final double[] kinkAt;
    private final double[] kinkLow;
    private final double[] kinkHigh;
    private final boolean convex;
    /** Case weight of each row; null: every row weighs 1. */
    private final double[] weight;
    private final double[] rowAbsSum;
    /** The linear term c (zero unless rows were folded in by {@link #restrict}). */
    private final double[] linear;
    private final boolean hasLinear;

    private final double[] x;
    private final double[] z;
    private final boolean[] high;
    private final double[] gradient;

    /**
     * @param design  row-major rows x n, the intercept column included when wanted
     * @param target  length rows
     */
    public PiecewiseLinearRegression(double[] design, double[] target, int n, PiecewiseLinearLoss loss) {
        this(design, target, null, n, loss);
    }

    /**
     * @param weight  case weight of each row, finite and positive (rows of weight 0 add nothing: leave
     *                them out); null: every row weighs 1
     */
    public PiecewiseLinearRegression(double[] design, double[] target, double[] weight, int n, PiecewiseLinearLoss loss) {
        if (n < 1 || design.length != (long) target.length * n) {
            throw new IllegalArgumentException("design has " + design.length + " entries, expected "
                    + target.length + " x " + n);
        }
        if (weight != null && weight.length != target.length) {
            throw new IllegalArgumentException(weight.length + " weights for " + target.length + " rows");
        }
        this.weight = weight;
        List<Kink> list = loss.kinks();
        this.rows = target.length;
        this.n = n;
        this.kinks = list.size();
        this.design = design;
        this.target = target;
        this.kinkAt = new double[kinks];
        this.kinkLow = new double[kinks];
        this.kinkHigh = new double[kinks];
        for (int q = 0; q < kinks; q++) {
            kinkAt[q] = list.get(q).at();
            kinkLow[q] = list.get(q).lowSlope();
            kinkHigh[q] = list.get(q).highSlope();
        }
        this.convex = loss.isConvex();
        this.rowAbsSum = new double[rows];
        this.x = new double[n];
        this.z = new double[rows * kinks];
        this.high = new boolean[rows * kinks];
        this.gradient = new double[n];
        this.linear = new double[n];
        this.hasLinear = false;
    }

    private PiecewiseLinearRegression(PiecewiseLinearRegression from, double[] design, double[] target,
                                      double[] weight, double[] linear) {
        this.weight = weight;
        this.rows = target.length;
        this.n = from.n;
        this.kinks = from.kinks;
        this.design = design;
        this.target = target;
        this.kinkAt = from.kinkAt;
        this.kinkLow = from.kinkLow;
        this.kinkHigh = from.kinkHigh;
        this.convex = from.convex;
        this.rowAbsSum = new double[rows];
        this.x = new double[n];
        this.z = new double[rows * kinks];
        this.high = new boolean[rows * kinks];
        this.gradient = new double[n];
        this.linear = linear;
        boolean any = false;
        for (double c : linear) any |= c != 0;
        this.hasLinear = any;
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public int neuronsPerRow() {
        return kinks;
    }

    @Override
    public SeparableProgram restrict(int[] keep, boolean[] sides) {
        double[] keptDesign = new double[keep.length * n];
        double[] keptTarget = new double[keep.length];
        double[] keptWeight = weight == null ? null : new double[keep.length];
        for (int s = 0; s < keep.length; s++) {
            int row = keep[s];
            if (row < 0 || row >= rows || (s > 0 && row <= keep[s - 1])) {
                throw new IllegalArgumentException("rows to keep must be sorted, distinct and in [0, " + rows + ")");
            }
            System.arraycopy(design, row * n, keptDesign, s * n, n);
            keptTarget[s] = target[row];
            if (weight != null) keptWeight[s] = weight[row];
        }
        double[] c = linear.clone();
        if (sides != null) {
            for (int i = 0, next = 0, row = 0; i < rows; i++, row += n) {
                if (next < keep.length && keep[next] == i) {
                    next++;
                    continue;
                }
                double slope = 0;
                for (int q = 0, j = i * kinks; q < kinks; q++, j++) slope += sides[j] ? kinkHigh[q] : kinkLow[q];
                if (this.weight != null) slope *= this.weight[i];
                if (slope == 0) continue;
                for (int col = 0; col < n; col++) c[col] += slope * design[row + col];
            }
        }
        return new PiecewiseLinearRegression(this, keptDesign, keptTarget, keptWeight, c);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int neuronCount() {
        return rows * kinks;
    }

    @Override
    public void reset(double[] start) {
        System.arraycopy(start, 0, x, 0, n);
        computePreactivations();
        for (int j = 0; j < z.length; j++) high[j] = z[j] > 0;
        computeGradient();
    }

    @Override
    public double[] point() {
        return x;
    }

    @Override
    public double[] preactivations() {
        return z;
    }

    @Override
    public boolean[] highSide() {
        return high;
    }

    @Override
    public double value() {
        double sum = 0;
        if (weight == null) {
            for (int q = 0; q < kinks; q++) {
                double low = kinkLow[q], high = kinkHigh[q];
                for (int j = q; j < z.length; j += kinks) sum += z[j] < 0 ? low * z[j] : high * z[j];
            }
        } else {
            for (int q = 0; q < kinks; q++) {
                double low = kinkLow[q], high = kinkHigh[q];
                for (int i = 0, j = q; j < z.length; i++, j += kinks) sum += weight[i] * (z[j] < 0 ? low * z[j] : high * z[j]);
            }
        }
        if (hasLinear) {
            for (int c = 0; c < n; c++) sum += linear[c] * x[c];
        }
        return sum;
    }

    @Override
    public void gradient(double[] out) {
        System.arraycopy(gradient, 0, out, 0, n);
    }

    @Override
    public double directional(double[] v, double[] dz) {
        if (kinks == 1) {
            int i = 0, row = 0;
            for (; i + 1 < rows; i += 2, row += 2 * n) dotTwoRows(design, row, n, v, dz, i);
            if (i < rows) dz[i] = dotRow(design, row, v, n);
        } else {
            for (int i = 0, row = 0; i < rows; i++, row += n) {
                double s = dotRow(design, row, v, n);
                for (int q = 0, j = i * kinks; q < kinks; q++, j++) dz[j] = s;
            }
        }
        return dotRow(gradient, 0, v, n);
    }

    @Override
    public void normal(int j, double[] out) {
        System.arraycopy(design, (j / kinks) * n, out, 0, n);
    }

    @Override
    public double flipEffect(int k, double[] v, FlipSink sink) {
        return slopeChange(k) * dotRow(design, (k / kinks) * n, v, n);
    }

    @Override
    public void flip(int k) {
        double change = slopeChange(k);
        high[k] = !high[k];
        int row = (k / kinks) * n;
        for (int c = 0; c < n; c++) gradient[c] += change * design[row + c];
    }

    /** Change of f's slope in z_k when neuron k changes side. */
    private double slopeChange(int k) {
        int q = k % kinks;
        double change = high[k] ? kinkLow[q] - kinkHigh[q] : kinkHigh[q] - kinkLow[q];
        return weight == null ? change : change * weight[k / kinks];
    }

    @Override
    public void advance(double t, double[] v, double[] dz) {
        for (int c = 0; c < n; c++) x[c] += t * v[c];
        for (int j = 0; j < z.length; j++) z[j] += t * dz[j];
    }

    @Override
    public void refresh() {
        computePreactivations();
        computeGradient();
    }

    @Override
    public double scale(int j) {
        if (kinks == 1) return rowAbsSum[j] + Math.abs(target[j]) + Math.abs(kinkAt[0]);
        return rowAbsSum[j / kinks] + Math.abs(target[j / kinks]) + Math.abs(kinkAt[j % kinks]);
    }

    @Override
    public boolean isConvex() {
        return convex;
    }

    @Override
    public double lowSlope(int j) {
        double slope = kinks == 1 ? kinkLow[0] : kinkLow[j % kinks];
        return weight == null ? slope : slope * weight[j / kinks];
    }

    @Override
    public double highSlope(int j) {
        double slope = kinks == 1 ? kinkHigh[0] : kinkHigh[j % kinks];
        return weight == null ? slope : slope * weight[j / kinks];
    }

    @Override
    public void stationarity(double[] lambda, double[] out) {
        System.arraycopy(linear, 0, out, 0, n);
        for (int i = 0, row = 0; i < rows; i++, row += n) {
            double sum = 0;
            for (int q = 0, j = i * kinks; q < kinks; q++, j++) sum += lambda[j];
            if (sum != 0) axpy(sum, row, out);
        }
    }

    /**
     * a[offset, offset + n) . v with four partial sums: a single running sum is bound by the
     * latency of floating-point addition, which the JIT may not reorder.
     */
    static double dotRow(double[] a, int offset, double[] v, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int c = 0;
        for (; c + 3 < n; c += 4) {
            s0 += a[offset + c] * v[c];
            s1 += a[offset + c + 1] * v[c + 1];
            s2 += a[offset + c + 2] * v[c + 2];
            s3 += a[offset + c + 3] * v[c + 3];
        }
        for (; c < n; c++) s0 += a[offset + c] * v[c];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Two consecutive rows at once, four partial sums each: eight independent additions in flight,
     * and every element of v loaded once for both rows.
     */
    private static void dotTwoRows(double[] a, int offset, int n, double[] v, double[] out, int at) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        int second = offset + n;
        int c = 0;
        for (; c + 3 < n; c += 4) {
            double v0 = v[c], v1 = v[c + 1], v2 = v[c + 2], v3 = v[c + 3];
            a0 += a[offset + c] * v0;
            a1 += a[offset + c + 1] * v1;
            a2 += a[offset + c + 2] * v2;
            a3 += a[offset + c + 3] * v3;
            b0 += a[second + c] * v0;
            b1 += a[second + c + 1] * v1;
            b2 += a[second + c + 2] * v2;
            b3 += a[second + c + 3] * v3;
        }
        for (; c < n; c++) {
            a0 += a[offset + c] * v[c];
            b0 += a[second + c] * v[c];
        }
        out[at] = (a0 + a1) + (a2 + a3);
        out[at + 1] = (b0 + b1) + (b2 + b3);
    }

    /** z from x, and |a_i| . |x| for the scale of each row. */
    private void computePreactivations() {
        for (int i = 0, row = 0; i < rows; i++, row += n) {
            double s = 0, abs = 0;
            for (int c = 0; c < n; c++) {
                double term = design[row + c] * x[c];
                s += term;
                abs += Math.abs(term);
            }
            rowAbsSum[i] = abs;
            for (int q = 0, j = i * kinks; q < kinks; q++, j++) z[j] = s - target[i] - kinkAt[q];
        }
    }

    private void computeGradient() {
        System.arraycopy(linear, 0, gradient, 0, n);
        for (int i = 0, row = 0; i < rows; i++, row += n) {
            double slope = 0;
            for (int q = 0, j = i * kinks; q < kinks; q++, j++) slope += high[j] ? kinkHigh[q] : kinkLow[q];
            if (weight != null) slope *= weight[i];
            if (slope != 0) axpy(slope, row, gradient);
        }
    }

    /** out += factor * a_row. */
    private void axpy(double factor, int row, double[] out) {
        for (int c = 0; c < n; c++) out[c] += factor * design[row + c];
    }
}
