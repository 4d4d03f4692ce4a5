package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A fixed feed-forward ReLU network with one output: layers 1..L are hidden ReLU layers, layer L+1
 * is affine with a single unit. Layer l has weights n_l x n_{l-1} (row-major) and biases n_l;
 * n_0 is the input dimension. Immutable: arrays handed out by the package-private accessors must
 * not be written.
 */
public final class Network {

    private final int[] widths;          // widths[0] = input dimension, widths[L+1] = 1
    private final double[][] weights;    // weights[l - 1]: layer l, row-major
    private final double[][] biases;     // biases[l - 1]: layer l

    /**
     * @param weights weights[l - 1] is layer l's row-major n_l x n_{l-1} matrix
     * @param biases  biases[l - 1] is layer l's bias vector; its length gives n_l
     */
    public Network(int inputDimension, double[][] weights, double[][] biases) {
        if (inputDimension < 1) throw new IllegalArgumentException("input dimension must be >= 1");
        if (weights.length == 0 || weights.length != biases.length) {
            throw new IllegalArgumentException("need one weight matrix and one bias vector per layer, at least one layer");
        }
        int layers = weights.length;
        this.widths = new int[layers + 1];
        this.weights = new double[layers][];
        this.biases = new double[layers][];
        widths[0] = inputDimension;
        for (int l = 1; l <= layers; l++) {
            double[] w = weights[l - 1], b = biases[l - 1];
            widths[l] = b.length;
            if (b.length < 1 || w.length != b.length * widths[l - 1]) {
                throw new IllegalArgumentException("layer " + l + ": weights have " + w.length + " entries, expected "
                        + b.length + " x " + widths[l - 1]);
            }
            requireFinite(w, l);
            requireFinite(b, l);
            this.weights[l - 1] = w.clone();
            this.biases[l - 1] = b.clone();
        }
        if (widths[layers] != 1) {
            throw new IllegalArgumentException("output layer " + layers + " has " + widths[layers] + " units, expected 1");
        }
    }

    private static void requireFinite(double[] values, int layer) {
        for (double v : values) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("layer " + layer + ": non-finite parameter " + v);
        }
    }

    /**
     * A network with every weight and bias drawn U(low, high), the output layer included, layer by
     * layer, weights (row-major) before biases, from a {@link SplittableRandom} seeded with {@code seed}.
     */
    public static Network random(int inputDim, int[] hiddenWidths, double low, double high, long seed) {
        if (!(low < high)) throw new IllegalArgumentException("need low < high, got " + low + ", " + high);
        SplittableRandom random = new SplittableRandom(seed);
        int layers = hiddenWidths.length + 1;
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        int previous = inputDim;
        for (int l = 0; l < layers; l++) {
            int width = l < hiddenWidths.length ? hiddenWidths[l] : 1;
            if (width < 1) throw new IllegalArgumentException("hidden widths must be >= 1");
            w[l] = uniform(random, width * previous, low, high);
            b[l] = uniform(random, width, low, high);
            previous = width;
        }
        return new Network(inputDim, w, b);
    }

    private static double[] uniform(SplittableRandom random, int count, double low, double high) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) values[i] = random.nextDouble(low, high);
        return values;
    }

    /** Reads a network file: safetensors when the name ends in {@code .safetensors}, else the JSON format. */
    public static Network read(Path file) throws IOException {
        return SafetensorsFile.isSafetensors(file) ? SafetensorsFile.read(file) : NetworkFile.read(file);
    }

    /** Writes a network file: safetensors (F64) when the name ends in {@code .safetensors}, else the JSON format. */
    public void write(Path file) throws IOException {
        if (SafetensorsFile.isSafetensors(file)) SafetensorsFile.write(this, file);
        else NetworkFile.write(this, file);
    }

    /** n_0, the input dimension. */
    public int inputDimension() {
        return widths[0];
    }

    /** L, the number of hidden layers. */
    public int hiddenLayers() {
        return widths.length - 2;
    }

    /** n_l for l = 0..L+1. */
    public int width(int layer) {
        return widths[layer];
    }

    /** Layer l's weights, row-major n_l x n_{l-1}; l = 1..L+1. A view: do not modify. */
    double[] weights(int layer) {
        return weights[layer - 1];
    }

    /** Layer l's biases; l = 1..L+1. A view: do not modify. */
    double[] biases(int layer) {
        return biases[layer - 1];
    }

    public double weight(int layer, int row, int column) {
        return weights[layer - 1][row * widths[layer - 1] + column];
    }

    public double bias(int layer, int row) {
        return biases[layer - 1][row];
    }

    /** The output F(x). */
    public double evaluate(double[] x) {
        double[] h = activations(x, hiddenLayers());
        return affine(hiddenLayers() + 1, h)[0];
    }

    /** h_l(x): the input for l = 0, else the ReLU outputs of hidden layer l (l <= L). A fresh array. */
    public double[] activations(double[] x, int layer) {
        if (x.length != widths[0]) {
            throw new IllegalArgumentException("input has " + x.length + " entries, expected " + widths[0]);
        }
        double[] h = x.clone();
        for (int l = 1; l <= layer; l++) {
            h = affine(l, h);
            for (int k = 0; k < h.length; k++) h[k] = Math.max(h[k], 0);
        }
        return h;
    }

    /** W_l h + b_l. */
    private double[] affine(int layer, double[] h) {
        double[] w = weights[layer - 1], b = biases[layer - 1];
        int rows = widths[layer], columns = widths[layer - 1];
        double[] z = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = b[r];
            for (int c = 0; c < columns; c++) s += w[r * columns + c] * h[c];
            z[r] = s;
        }
        return z;
    }

    /** Number of parameters of layer l: n_l (n_{l-1} + 1). */
    public int layerParameterCount(int layer) {
        return widths[layer] * (widths[layer - 1] + 1);
    }

    /** Layer l's parameters neuron by neuron: (w_k1..w_kd, b_k) for k = 1..n_l. */
    public double[] layerParameters(int layer) {
        checkLayer(layer);
        int rows = widths[layer], columns = widths[layer - 1];
        double[] theta = new double[layerParameterCount(layer)];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(weights[layer - 1], k * columns, theta, k * (columns + 1), columns);
            theta[k * (columns + 1) + columns] = biases[layer - 1][k];
        }
        return theta;
    }

    /** This network with layer l's parameters replaced by theta (ordered as {@link #layerParameters}). */
    public Network withLayerParameters(int layer, double[] theta) {
        checkLayer(layer);
        if (theta.length != layerParameterCount(layer)) {
            throw new IllegalArgumentException("layer " + layer + " has " + layerParameterCount(layer)
                    + " parameters, got " + theta.length);
        }
        int rows = widths[layer], columns = widths[layer - 1];
        double[][] w = weights.clone();
        double[][] b = biases.clone();
        w[layer - 1] = new double[rows * columns];
        b[layer - 1] = new double[rows];
        for (int k = 0; k < rows; k++) {
            System.arraycopy(theta, k * (columns + 1), w[layer - 1], k * columns, columns);
            b[layer - 1][k] = theta[k * (columns + 1) + columns];
        }
        return new Network(widths[0], w, b);
    }

    private void checkLayer(int layer) {
        if (layer < 1 || layer > hiddenLayers() + 1) {
            throw new IllegalArgumentException("layer " + layer + " does not exist; the network has layers 1.."
                    + (hiddenLayers() + 1));
        }
    }
}
