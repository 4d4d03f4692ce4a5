package org.drlp.model.lp;

import java.util.Arrays;

import org.drlp.spi.SeparableProgram;

/**
 * A linear program as a separable ReLU program: {@code f(x) = s (c . x + constant) + w * (total
 * violation)}, s = 1 to minimise, -1 to maximise. Each finite side of a row {@code lo <= a_i . x <= up}
 * and of a column's bounds is one neuron: {@code z = a_i . x - lo} with slopes (-w, 0), or
 * {@code z = a_i . x - up} with slopes (0, w); an equality (lo = up) is one neuron with slopes (-w, w).
 * Rows without coefficients have no neuron (their violation is a constant; {@link LinearProgram}
 * checks it). Three forms of the same constraints:
 * <ul>
 * <li>{@link #penalty}: the exact penalty with weight M;</li>
 * <li>{@link #feasibility}: no objective, weight 1: the minimal total violation (0 iff feasible);</li>
 * <li>{@link #ray}: the recession cone (every finite side at 0, so {@code a_i . d <= 0} for an L row)
 *     plus {@code c . d = -s}: its minimum is 0 iff the objective falls without end along a direction
 *     the constraints allow.</li>
 * </ul>
 * The normals are sparse rows (CSR), a column bound's normal the unit vector. No allocation per pivot.
 */
final class PenaltyProgram implements SeparableProgram {

    private final int n;
    /** Forms (sparse vectors) a_f: the rows, then the unit vectors of the columns, then (ray only) c. */
    private final int[] formStart;
    private final int[] formColumn;
    private final double[] formValue;
    private final int[] neuronForm;
    private final double[] offset;
    private final double[] low;
    private final double[] high;
    private final double[] linear;
    private final double constant;

    private final double[] x;
    private final double[] z;
    private final boolean[] highSide;
    private final double[] gradient;
    private final double[] formWork;
    private final double[] formAbs;

    private PenaltyProgram(int n, int[] formStart, int[] formColumn, double[] formValue, int[] neuronForm,
                           double[] offset, double[] low, double[] high, double[] linear, double constant) {
        this.n = n;
        this.formStart = formStart;
        this.formColumn = formColumn;
        this.formValue = formValue;
        this.neuronForm = neuronForm;
        this.offset = offset;
        this.low = low;
        this.high = high;
        this.linear = linear;
        this.constant = constant;
        this.x = new double[n];
        this.z = new double[neuronForm.length];
        this.highSide = new boolean[neuronForm.length];
        this.gradient = new double[n];
        int forms = formStart.length - 1;
        this.formWork = new double[forms];
        this.formAbs = new double[forms];
    }

    /** The exact penalty with weight {@code weight} (M). */
    static PenaltyProgram penalty(LinearProgram lp, double weight) {
        double sense = lp.maximise() ? -1 : 1;
        double[] c = new double[lp.columns()];
        for (int j = 0; j < c.length; j++) c[j] = sense * lp.cost()[j];
        return build(lp, weight, c, sense * lp.constant(), false);
    }

    /** The minimal total violation, weight 1 and no objective. */
    static PenaltyProgram feasibility(LinearProgram lp) {
        return build(lp, 1, new double[lp.columns()], 0, false);
    }

    /** The recession cone with {@code s c . d = -1}, weight 1 and no objective. */
    static PenaltyProgram ray(LinearProgram lp) {
        return build(lp, 1, new double[lp.columns()], 0, true);
    }

    private static PenaltyProgram build(LinearProgram lp, double weight, double[] linear, double constant,
                                        boolean homogeneous) {
        int m = lp.rows(), n = lp.columns();
        int forms = m + n + (homogeneous ? 1 : 0);
        int[] formStart = new int[forms + 1];
        int entries = lp.rowStart()[m] + n + (homogeneous ? n : 0);
        int[] formColumn = new int[entries];
        double[] formValue = new double[entries];
        System.arraycopy(lp.entryColumn(), 0, formColumn, 0, lp.rowStart()[m]);
        System.arraycopy(lp.entryValue(), 0, formValue, 0, lp.rowStart()[m]);
        System.arraycopy(lp.rowStart(), 0, formStart, 0, m + 1);
        int at = lp.rowStart()[m];
        for (int j = 0; j < n; j++, at++) {
            formColumn[at] = j;
            formValue[at] = 1;
            formStart[m + j + 1] = at + 1;
        }
        double[] lower = new double[forms], upper = new double[forms];
        System.arraycopy(lp.rowLower(), 0, lower, 0, m);
        System.arraycopy(lp.rowUpper(), 0, upper, 0, m);
        System.arraycopy(lp.columnLower(), 0, lower, m, n);
        System.arraycopy(lp.columnUpper(), 0, upper, m, n);
        if (homogeneous) {
            double sense = lp.maximise() ? -1 : 1;
            int nonzero = 0;
            for (int j = 0; j < n; j++) {
                if (lp.cost()[j] == 0) continue;
                formColumn[at + nonzero] = j;
                formValue[at + nonzero] = sense * lp.cost()[j];
                nonzero++;
            }
            formStart[forms] = at + nonzero;
            formColumn = Arrays.copyOf(formColumn, at + nonzero);
            formValue = Arrays.copyOf(formValue, at + nonzero);
            for (int f = 0; f < m + n; f++) {
                lower[f] = Double.isInfinite(lower[f]) ? lower[f] : 0;
                upper[f] = Double.isInfinite(upper[f]) ? upper[f] : 0;
            }
            lower[forms - 1] = -1;
            upper[forms - 1] = -1;
        }
        int[] neuronForm = new int[2 * forms];
        double[] offset = new double[2 * forms], lowSlope = new double[2 * forms], highSlope = new double[2 * forms];
        int count = 0;
        for (int f = 0; f < forms; f++) {
            if (formStart[f + 1] == formStart[f]) continue; // a constant: no neuron
            if (lower[f] == upper[f]) {
                neuronForm[count] = f;
                offset[count] = lower[f];
                lowSlope[count] = -weight;
                highSlope[count++] = weight;
                continue;
            }
            if (Double.isFinite(lower[f])) {
                neuronForm[count] = f;
                offset[count] = lower[f];
                lowSlope[count++] = -weight;
            }
            if (Double.isFinite(upper[f])) {
                neuronForm[count] = f;
                offset[count] = upper[f];
                highSlope[count++] = weight;
            }
        }
        return new PenaltyProgram(n, formStart, formColumn, formValue, Arrays.copyOf(neuronForm, count),
                Arrays.copyOf(offset, count), Arrays.copyOf(lowSlope, count), Arrays.copyOf(highSlope, count),
                linear, constant);
    }

    /**
     * The form of neuron j: a row index in [0, rows), {@code rows + column} for a column bound, or
     * {@code rows + columns} for the ray's normalisation.
     */
    int form(int j) {
        return neuronForm[j];
    }

    /** The bound neuron j stands for: {@code a_f . x} is compared with this. */
    double offset(int j) {
        return offset[j];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int neuronCount() {
        return neuronForm.length;
    }

    @Override
    public void reset(double[] start) {
        System.arraycopy(start, 0, x, 0, n);
        computePreactivations();
        for (int j = 0; j < z.length; j++) highSide[j] = z[j] > 0;
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
        return highSide;
    }

    @Override
    public double value() {
        double sum = constant;
        for (int c = 0; c < n; c++) sum += linear[c] * x[c];
        for (int j = 0; j < z.length; j++) sum += z[j] < 0 ? low[j] * z[j] : high[j] * z[j];
        return sum;
    }

    @Override
    public void gradient(double[] out) {
        System.arraycopy(gradient, 0, out, 0, n);
    }

    @Override
    public double directional(double[] v, double[] dz) {
        for (int f = 0; f < formWork.length; f++) formWork[f] = dot(f, v);
        for (int j = 0; j < dz.length; j++) dz[j] = formWork[neuronForm[j]];
        double s = 0;
        for (int c = 0; c < n; c++) s += gradient[c] * v[c];
        return s;
    }

    @Override
    public void normal(int j, double[] out) {
        Arrays.fill(out, 0, n, 0);
        int f = neuronForm[j];
        for (int e = formStart[f]; e < formStart[f + 1]; e++) out[formColumn[e]] = formValue[e];
    }

    @Override
    public double flipEffect(int k, double[] v, FlipSink sink) {
        return slopeChange(k) * dot(neuronForm[k], v);
    }

    @Override
    public void flip(int k) {
        double change = slopeChange(k);
        highSide[k] = !highSide[k];
        axpy(change, neuronForm[k], gradient);
    }

    private double slopeChange(int k) {
        return highSide[k] ? low[k] - high[k] : high[k] - low[k];
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
        return formAbs[neuronForm[j]] + Math.abs(offset[j]);
    }

    @Override
    public boolean isConvex() {
        return true;
    }

    @Override
    public double lowSlope(int j) {
        return low[j];
    }

    @Override
    public double highSlope(int j) {
        return high[j];
    }

    @Override
    public void stationarity(double[] lambda, double[] out) {
        System.arraycopy(linear, 0, out, 0, n);
        for (int j = 0; j < lambda.length; j++) {
            if (lambda[j] != 0) axpy(lambda[j], neuronForm[j], out);
        }
    }

    private double dot(int f, double[] v) {
        double s = 0;
        for (int e = formStart[f]; e < formStart[f + 1]; e++) s += formValue[e] * v[formColumn[e]];
        return s;
    }

    private void axpy(double weight, int f, double[] out) {
        for (int e = formStart[f]; e < formStart[f + 1]; e++) out[formColumn[e]] += weight * formValue[e];
    }

    private void computePreactivations() {
        for (int f = 0; f < formWork.length; f++) {
            double s = 0, abs = 0;
            for (int e = formStart[f]; e < formStart[f + 1]; e++) {
                double term = formValue[e] * x[formColumn[e]];
                s += term;
                abs += Math.abs(term);
            }
            formWork[f] = s;
            formAbs[f] = abs;
        }
        for (int j = 0; j < z.length; j++) z[j] = formWork[neuronForm[j]] - offset[j];
    }

    private void computeGradient() {
        System.arraycopy(linear, 0, gradient, 0, n);
        for (int j = 0; j < z.length; j++) {
            double slope = highSide[j] ? high[j] : low[j];
            if (slope != 0) axpy(slope, neuronForm[j], gradient);
        }
    }
}
