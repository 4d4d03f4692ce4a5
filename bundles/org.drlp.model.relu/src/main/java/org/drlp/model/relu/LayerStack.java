package org.drlp.model.relu;

import java.util.Arrays;

/**
 * The part of a network from one layer on, with the activation pattern carried by the caller:
 * hidden ReLU layers l..L whose layer-l preactivations (the "base") the caller supplies, then the
 * affine output. When l = L+1 there is no hidden layer and the base is the output itself (width 1).
 *
 * <p>Its neurons are the hidden units of layers l..L, numbered layer by layer from 0 ("local"
 * indices); the caller stores their preactivations and sides in its own arrays at an offset, so
 * one stack serves every branch of a training problem. All methods are allocation-free; the work
 * arrays make an instance single-threaded: one per program.
 */
final class LayerStack {

    private final int layers;            // K = L - l + 1 hidden layers in the stack
    private final int[] width;           // width[q], q = 0..K-1
    private final int[] start;           // start[q]: local index of layer q's first unit; start[K] = neurons
    private final int[] layerOf;         // layer q of each local neuron
    private final double[][] weights;    // weights[q] (q >= 1): layer q's rows over layer q-1, row-major
    private final double[][] biases;     // biases[q] (q >= 1)
    private final double[][] transposed; // transposed[q] (q >= 1): layer q's weights column-major
    /** Column-major like transposed: squares of layer 1's weights, |w| of the deeper layers' (norm bounds). */
    private final double[][] transposedForNorms;
    private final double[] ones;
    private final double[] outputWeights;
    private final double outputBias;
    private final double[] work;         // backward passes
    private final double[] workSwap;
    private final double[] masked;       // forward directions: S v of one layer, or one layer's rates
    private final int[] active;          // forward passes: the active units of one layer

    /** The stack of {@code network} from hidden layer {@code first} (1-based; L+1 gives the bare output). */
    LayerStack(Network network, int first) {
        int hidden = network.hiddenLayers();
        layers = hidden - first + 1;
        width = new int[layers];
        start = new int[layers + 1];
        weights = new double[layers][];
        biases = new double[layers][];
        transposed = new double[layers][];
        transposedForNorms = new double[layers][];
        int maxWidth = 1;
        for (int q = 0; q < layers; q++) {
            width[q] = network.width(first + q);
            start[q + 1] = start[q] + width[q];
            maxWidth = Math.max(maxWidth, width[q]);
            if (q > 0) {
                weights[q] = network.weights(first + q);
                biases[q] = network.biases(first + q);
                int rows = width[q], columns = width[q - 1];
                transposed[q] = new double[rows * columns];
                transposedForNorms[q] = new double[rows * columns];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        double w = weights[q][r * columns + c];
                        transposed[q][c * rows + r] = w;
                        transposedForNorms[q][c * rows + r] = q == 1 ? w * w : Math.abs(w);
                    }
                }
            }
        }
        layerOf = new int[start[layers]];
        for (int q = 0; q < layers; q++) {
            for (int u = start[q]; u < start[q + 1]; u++) layerOf[u] = q;
        }
        outputWeights = network.weights(hidden + 1);
        outputBias = network.biases(hidden + 1)[0];
        work = new double[maxWidth];
        workSwap = new double[maxWidth];
        masked = new double[maxWidth];
        active = new int[maxWidth];
        ones = new double[maxWidth];
        Arrays.fill(ones, 1);
    }

    /** Number of hidden units (neurons) in the stack. */
    int neurons() {
        return start[layers];
    }

    /** Width of the base the caller supplies: n_l, or 1 when the stack is the bare output. */
    int baseWidth() {
        return layers == 0 ? 1 : width[0];
    }

    /** True when neuron {@code local} is in the base layer (its preactivation is the caller's). */
    boolean inBase(int local) {
        return layerOf[local] == 0;
    }

    /** Local index of the first neuron whose preactivation depends on neuron {@code local}'s output. */
    int firstDownstream(int local) {
        return start[layerOf[local] + 1];
    }

    /**
     * Preactivations of every neuron at z[off..] from the base values, under the carried pattern
     * high[off..], or setting each side from its sign (z > 0: high) when {@code setSides}.
     *
     * @return the output F
     */
    double forward(double[] base, double[] z, boolean[] high, int off, boolean setSides) {
        if (layers == 0) return base[0];
        for (int u = 0; u < width[0]; u++) {
            z[off + u] = base[u];
            if (setSides) high[off + u] = base[u] > 0;
        }
        for (int q = 1; q < layers; q++) {
            int rows = width[q], columns = width[q - 1], in = off + start[q - 1], out = off + start[q];
            double[] wt = transposed[q];
            // b + W S z as a sum of the active columns, as in forwardDirection
            System.arraycopy(biases[q], 0, z, out, rows);
            addActiveColumns(z, in, activeColumns(high, in, columns), wt, rows, z, out);
            if (setSides) {
                for (int r = 0; r < rows; r++) high[out + r] = z[out + r] > 0;
            }
        }
        return output(z, high, off);
    }

    /**
     * Writes the indices c < columns with high[from + c] set to {@link #active}, in increasing order,
     * and returns their number, without a branch on the unit (which units are active is a coin toss
     * per unit), so that the weight loops below run over the active columns with no test per column.
     */
    private int activeColumns(boolean[] high, int from, int columns) {
        int count = 0;
        for (int c = 0; c < columns; c++) {
            active[count] = c;
            count += high[from + c] ? 1 : 0;
        }
        return count;
    }

    /**
     * out[o + r] += v[from + c] * wt[c * rows + r] for the first {@code count} columns c of
     * {@link #active}, in their order. Four columns per sweep over the rows: each out entry is loaded
     * and stored once per four columns, and receives its terms in the same order as one column at a
     * time would add them (the same bits).
     */
    private void addActiveColumns(double[] v, int from, int count, double[] wt, int rows, double[] out, int o) {
        int a = 0;
        for (; a + 3 < count; a += 4) {
            int c0 = active[a] * rows, c1 = active[a + 1] * rows, c2 = active[a + 2] * rows, c3 = active[a + 3] * rows;
            double v0 = v[from + active[a]], v1 = v[from + active[a + 1]];
            double v2 = v[from + active[a + 2]], v3 = v[from + active[a + 3]];
            for (int r = 0; r < rows; r++) {
                double sum = out[o + r];
                sum += v0 * wt[c0 + r];
                sum += v1 * wt[c1 + r];
                sum += v2 * wt[c2 + r];
                sum += v3 * wt[c3 + r];
                out[o + r] = sum;
            }
        }
        for (; a < count; a++) {
            int col = active[a] * rows;
            double value = v[from + active[a]];
            for (int r = 0; r < rows; r++) out[o + r] += value * wt[col + r];
        }
    }

    /** F from the stored preactivations z[off..] and the pattern; only for a stack with hidden layers. */
    double output(double[] z, boolean[] high, int off) {
        return outputBias + outputOf(z, off, high, off);
    }

    /** w_out . S_L v_L: the output without its bias, for a point (v = z) or a direction (v = dz). */
    private double outputOf(double[] v, int vOff, boolean[] high, int highOff) {
        int in = start[layers - 1];
        double s = 0;
        for (int c = 0; c < width[layers - 1]; c++) {
            if (high[highOff + in + c]) s += outputWeights[c] * v[vOff + in + c];
        }
        return s;
    }

    /**
     * Derivatives of every neuron's preactivation along a direction whose base derivatives are
     * {@code dBase}, with the pattern fixed: writes dz[dzOff + local], reads high[highOff + local].
     *
     * @return the derivative of the output F
     */
    double forwardDirection(double[] dBase, double[] dz, int dzOff, boolean[] high, int highOff) {
        if (layers == 0) return dBase[0];
        System.arraycopy(dBase, 0, dz, dzOff, width[0]);
        for (int q = 1; q < layers; q++) {
            layerDirection(q, dz, dzOff + start[q - 1], high, highOff + start[q - 1], dz, dzOff + start[q]);
        }
        int in = start[layers - 1], columns = width[layers - 1];
        for (int c = 0; c < columns; c++) masked[c] = high[highOff + in + c] ? dz[dzOff + in + c] : 0;
        return dot(outputWeights, 0, masked, columns);
    }

    /**
     * Layer q's rates, out[o..o + width q) = W_q S v, from layer q-1's rates v[from..] and sides
     * high[highFrom..]: a sum of the active columns of W (stored transposed), contiguous updates in
     * which the inactive half of the units costs nothing.
     */
    private void layerDirection(int q, double[] v, int from, boolean[] high, int highFrom, double[] out, int o) {
        int rows = width[q];
        Arrays.fill(out, o, o + rows, 0);
        addActiveColumns(v, from, activeColumns(high, highFrom, width[q - 1]), transposed[q], rows, out, o);
    }

    /**
     * The derivative of hidden neuron {@code local}'s preactivation along the direction whose base
     * derivatives are {@code dBase}, the pattern fixed: the entry {@link #forwardDirection} writes
     * for it, with the same bits, but only the layers up to the neuron's and only its row there.
     */
    double neuronDirection(int local, double[] dBase, boolean[] high, int highOff) {
        int q = layerOf[local];
        if (q == 0) return dBase[local];
        double[] below = masked;
        System.arraycopy(dBase, 0, below, 0, width[0]);
        for (int p = 1; p < q; p++) {
            layerDirection(p, below, 0, high, highOff + start[p - 1], work, 0);
            System.arraycopy(work, 0, below, 0, width[p]);
        }
        // row u of layer q: its terms over the active columns in increasing order, as addActiveColumns adds them
        int u = local - start[q], columns = width[q - 1], count = activeColumns(high, highOff + start[q - 1], columns);
        double[] w = weights[q];
        double sum = 0;
        for (int a = 0; a < count; a++) sum += below[active[a]] * w[u * columns + active[a]];
        return sum;
    }

    /**
     * dF/d(base unit {@code unit}) under the pattern high[off..]: entry {@code unit} of
     * {@link #outputAdjoint}, with the same bits. The other entries do not depend on that unit's
     * side, so a flip of a base unit changes this entry alone.
     */
    double baseAdjoint(int unit, boolean[] high, int off) {
        int last = layers - 1;
        for (int c = 0; c < width[last]; c++) {
            work[c] = high[off + start[last] + c] ? outputWeights[c] : 0;
        }
        if (!high[off + unit]) return 0;
        if (last == 0) return work[unit];
        double[] a = pullBack(last, 1, high, off);
        // the last step of the pull-back, for the one entry
        int rows = width[1], columns = width[0];
        double[] w = weights[1];
        double s = 0;
        for (int r = 0; r < rows; r++) {
            double ar = a[r];
            if (ar != 0) s += ar * w[r * columns + unit];
        }
        return s;
    }

    /** w[from..from+length) . v[0..length), four partial sums (independent chains). */
    private static double dot(double[] w, int from, double[] v, int length) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int c = 0;
        for (; c + 3 < length; c += 4) {
            s0 += w[from + c] * v[c];
            s1 += w[from + c + 1] * v[c + 1];
            s2 += w[from + c + 2] * v[c + 2];
            s3 += w[from + c + 3] * v[c + 3];
        }
        for (; c < length; c++) s0 += w[from + c] * v[c];
        return (s0 + s1) + (s2 + s3);
    }

    /** Writes dF/d(base) under the pattern high[off..] into out[0..baseWidth). */
    void outputAdjoint(boolean[] high, int off, double[] out) {
        if (layers == 0) {
            out[0] = 1;
            return;
        }
        int last = layers - 1;
        for (int c = 0; c < width[last]; c++) {
            work[c] = high[off + start[last] + c] ? outputWeights[c] : 0;
        }
        backToBase(last, high, off, out);
    }

    /**
     * Bounds of |d z_local / d(base)| under the pattern high[off..] for every neuron, into
     * bound[0..neurons): exact for the base layer (1) and the layer after it (the norm of its
     * active weights), and for deeper layers sum_c |w_uc| bound_c over the active units c (the
     * triangle inequality). Returns |dF/d(base)| exactly, with {@code adjoint} (baseWidth) as scratch.
     */
    double adjointNorms(boolean[] high, int off, double[] bound, double[] adjoint) {
        if (layers == 0) return 1;
        Arrays.fill(bound, 0, width[0], 1);
        for (int q = 1; q < layers; q++) {
            int rows = width[q], o = start[q];
            Arrays.fill(bound, o, o + rows, 0);
            int count = activeColumns(high, off + start[q - 1], width[q - 1]);
            if (q == 1) {
                addActiveColumns(ones, 0, count, transposedForNorms[q], rows, bound, o);
                for (int r = o; r < o + rows; r++) bound[r] = Math.sqrt(bound[r]);
            } else {
                addActiveColumns(bound, start[q - 1], count, transposedForNorms[q], rows, bound, o);
            }
        }
        outputAdjoint(high, off, adjoint);
        double squared = 0;
        for (int k = 0; k < width[0]; k++) squared += adjoint[k] * adjoint[k];
        return Math.sqrt(squared);
    }

    /** Writes d z_local / d(base) under the pattern high[off..] into out[0..baseWidth). */
    void neuronAdjoint(int local, boolean[] high, int off, double[] out) {
        int q = layerOf[local];
        if (q == 0) {
            Arrays.fill(out, 0, width[0], 0);
            out[local] = 1;
            return;
        }
        // d z_local / d h_{q-1}, then through the ReLUs of layers q-1..0
        int u = local - start[q], columns = width[q - 1];
        for (int c = 0; c < columns; c++) {
            work[c] = high[off + start[q - 1] + c] ? weights[q][u * columns + c] : 0;
        }
        backToBase(q - 1, high, off, out);
    }

    /**
     * Given {@code work} = d(target)/d z_q (slopes of layer q already applied), pulls it back to
     * the base layer and writes it into out.
     */
    private void backToBase(int q, boolean[] high, int off, double[] out) {
        System.arraycopy(pullBack(q, 0, high, off), 0, out, 0, width[0]);
    }

    /**
     * Pulls {@code work} = d(target)/d z_q back through layers q-1 .. down, applying each one's
     * slopes, and returns the array (work or workSwap) that holds d(target)/d z_down.
     */
    private double[] pullBack(int q, int down, boolean[] high, int off) {
        double[] a = work, next = workSwap;
        for (int p = q; p > down; p--) {
            int rows = width[p], columns = width[p - 1], in = off + start[p - 1];
            double[] w = weights[p];
            Arrays.fill(next, 0, columns, 0);
            for (int r = 0; r < rows; r++) {
                double ar = a[r];
                if (ar == 0) continue;
                int row = r * columns;
                for (int c = 0; c < columns; c++) next[c] += ar * w[row + c];
            }
            for (int c = 0; c < columns; c++) {
                if (!high[in + c]) next[c] = 0;
            }
            double[] t = a;
            a = next;
            next = t;
        }
        return a;
    }

    /**
     * How the preactivations downstream of neuron {@code local} change when its output h changes
     * by {@code outputChange}, the pattern otherwise fixed: writes delta[m] for local m from
     * {@link #firstDownstream}(local) to {@link #neurons()}.
     *
     * @return the change of the output F
     */
    double propagateChange(int local, double outputChange, boolean[] high, int off, double[] delta) {
        int q = layerOf[local], u = local - start[q];
        if (q == layers - 1) return outputWeights[u] * outputChange;
        int rows = width[q + 1], columns = width[q], out = start[q + 1];
        double[] w = weights[q + 1];
        for (int r = 0; r < rows; r++) delta[out + r] = w[r * columns + u] * outputChange;
        for (int p = q + 2; p < layers; p++) {
            rows = width[p];
            columns = width[p - 1];
            int in = start[p - 1];
            out = start[p];
            w = weights[p];
            for (int r = 0; r < rows; r++) {
                double s = 0;
                int row = r * columns;
                for (int c = 0; c < columns; c++) {
                    if (high[off + in + c]) s += w[row + c] * delta[in + c];
                }
                delta[out + r] = s;
            }
        }
        return outputOf(delta, 0, high, off);
    }

    /** sum |w| |h| + |b| over the terms of a non-base neuron's preactivation at the current point. */
    double scale(int local, double[] z, boolean[] high, int off) {
        int q = layerOf[local], u = local - start[q], columns = width[q - 1], in = off + start[q - 1];
        double s = Math.abs(biases[q][u]);
        for (int c = 0; c < columns; c++) {
            if (high[in + c]) s += Math.abs(weights[q][u * columns + c] * z[in + c]);
        }
        return s;
    }

    /** sum |w_out| |h_L| + |b_out| at the current point; only for a stack with hidden layers. */
    double outputScale(double[] z, boolean[] high, int off) {
        int in = off + start[layers - 1];
        double s = Math.abs(outputBias);
        for (int c = 0; c < width[layers - 1]; c++) {
            if (high[in + c]) s += Math.abs(outputWeights[c] * z[in + c]);
        }
        return s;
    }

    /**
     * True when the output is convex in the base whatever the base is: every weight after the base
     * layer is non-negative (a non-negative combination of convex non-decreasing ReLUs).
     */
    boolean convexInBase() {
        for (int q = 1; q < layers; q++) {
            for (double w : weights[q]) if (w < 0) return false;
        }
        if (layers == 0) return true;
        for (double w : outputWeights) if (w < 0) return false;
        return true;
    }
}
