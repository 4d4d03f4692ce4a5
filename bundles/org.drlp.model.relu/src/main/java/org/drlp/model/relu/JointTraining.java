package org.drlp.model.relu;

import java.util.Arrays;
import java.util.List;

import org.drlp.spi.PiecewiseLinearLoss;

/**
 * The training loss of several layers of a network together, sum_i loss(F(x_i) - y_i), as a function
 * of the scheduled layers' parameters (the coordinates of {@link LayerwiseProblem}), with its
 * gradient by back-propagation on the region of the current point (a subgradient at kinks): what a
 * gradient method trains when it trains the layers jointly. Not piecewise linear in all layers at
 * once (products of weights), so no vertex walk runs on it; {@link AdamMethod} does. One pass over
 * the data per {@link #reset}, allocation-free.
 */
final class JointTraining implements AdamMethod.Descent {

    private final int[] widths;          // n_0 .. n_{L+1}
    private final double[][] weights;    // layer l at l - 1, row-major; the scheduled ones set from the point
    private final double[][] biases;
    private final int[] offsetOf;        // first coordinate of layer l's block at l - 1, -1 when fixed
    private final int lowest;            // the lowest scheduled layer: back-propagation stops there
    private final double[] inputs;
    private final double[] targets;
    private final double[] kinkAt;
    private final double[] kinkLow;
    private final double[] kinkHigh;
    private final int dimension;
    private final double[][] z;          // preactivations of layer l at l - 1, for one point
    private final double[][] h;          // h[0] = input, h[l] = ReLU output of layer l
    private final double[][] delta;      // d loss / d z of layer l at l - 1
    private final double[] gradient;
    private double value;

    JointTraining(Network network, int[] layers, int[] offsets, double[] inputs, double[] targets,
                  PiecewiseLinearLoss loss) {
        int depth = network.hiddenLayers() + 1;
        widths = new int[depth + 1];
        for (int l = 0; l <= depth; l++) widths[l] = network.width(l);
        weights = new double[depth][];
        biases = new double[depth][];
        offsetOf = new int[depth];
        Arrays.fill(offsetOf, -1);
        for (int l = 1; l <= depth; l++) {
            weights[l - 1] = network.weights(l).clone();
            biases[l - 1] = network.biases(l).clone();
        }
        int low = depth;
        for (int b = 0; b < layers.length; b++) {
            offsetOf[layers[b] - 1] = offsets[b];
            low = Math.min(low, layers[b]);
        }
        lowest = low;
        dimension = offsets[layers.length];
        this.inputs = inputs;
        this.targets = targets;
        List<PiecewiseLinearLoss.Kink> kinks = loss.kinks();
        kinkAt = new double[kinks.size()];
        kinkLow = new double[kinks.size()];
        kinkHigh = new double[kinks.size()];
        for (int q = 0; q < kinks.size(); q++) {
            kinkAt[q] = kinks.get(q).at();
            kinkLow[q] = kinks.get(q).lowSlope();
            kinkHigh[q] = kinks.get(q).highSlope();
        }
        z = new double[depth][];
        delta = new double[depth][];
        h = new double[depth + 1][];
        h[0] = new double[widths[0]];
        for (int l = 1; l <= depth; l++) {
            z[l - 1] = new double[widths[l]];
            delta[l - 1] = new double[widths[l]];
            h[l] = new double[widths[l]];
        }
        gradient = new double[dimension];
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Sets the scheduled layers from x and computes the loss and its gradient there. */
    @Override
    public void reset(double[] x) {
        int depth = weights.length;
        for (int l = 1; l <= depth; l++) {
            int at = offsetOf[l - 1];
            if (at < 0) continue;
            int rows = widths[l], columns = widths[l - 1];
            for (int k = 0; k < rows; k++) {
                System.arraycopy(x, at + k * (columns + 1), weights[l - 1], k * columns, columns);
                biases[l - 1][k] = x[at + k * (columns + 1) + columns];
            }
        }
        Arrays.fill(gradient, 0);
        double sum = 0;
        int d = widths[0];
        for (int i = 0; i < targets.length; i++) {
            System.arraycopy(inputs, i * d, h[0], 0, d);
            for (int l = 1; l <= depth; l++) {
                double[] w = weights[l - 1], b = biases[l - 1], in = h[l - 1], out = z[l - 1];
                int rows = widths[l], columns = widths[l - 1];
                for (int r = 0; r < rows; r++) {
                    double s = b[r];
                    for (int c = 0; c < columns; c++) s += w[r * columns + c] * in[c];
                    out[r] = s;
                    h[l][r] = l < depth ? Math.max(s, 0) : s;
                }
            }
            double residual = z[depth - 1][0] - targets[i], slope = 0;
            for (int q = 0; q < kinkAt.length; q++) {
                double v = residual - kinkAt[q];
                double side = v > 0 ? kinkHigh[q] : kinkLow[q];
                sum += side * v;
                slope += side;
            }
            if (slope == 0) continue;
            delta[depth - 1][0] = slope;
            for (int l = depth; l >= lowest; l--) {
                double[] dl = delta[l - 1], in = h[l - 1];
                int rows = widths[l], columns = widths[l - 1], at = offsetOf[l - 1];
                if (at >= 0) {
                    for (int k = 0; k < rows; k++) {
                        double a = dl[k];
                        if (a == 0) continue;
                        int block = at + k * (columns + 1);
                        for (int c = 0; c < columns; c++) gradient[block + c] += a * in[c];
                        gradient[block + columns] += a;
                    }
                }
                if (l == lowest) break;
                double[] w = weights[l - 1], below = delta[l - 2], zb = z[l - 2];
                for (int c = 0; c < columns; c++) {
                    double s = 0;
                    if (zb[c] > 0) {
                        for (int k = 0; k < rows; k++) s += w[k * columns + c] * dl[k];
                    }
                    below[c] = s;
                }
            }
        }
        value = sum;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public void gradient(double[] out) {
        System.arraycopy(gradient, 0, out, 0, dimension);
    }
}
