package org.drlp.model.relu;

/**
 * Independent plain-loop recomputations for the tests: the network's preactivations with some
 * layers' patterns forced, written without any of the code under test (only Network's accessors).
 */
final class Oracle {

    private Oracle() {
    }

    /**
     * Preactivations of hidden layers 1..L at x, concatenated layer by layer, followed by the
     * output F. Layers below {@code firstForced} use the real ReLU; layers from it on use the sides
     * forced[forcedOff + position], where position counts the units of layers firstForced..L.
     */
    static double[] preactivations(Network net, double[] x, int firstForced, boolean[] forced, int forcedOff) {
        int hiddenLayers = net.hiddenLayers();
        int total = 0;
        for (int l = 1; l <= hiddenLayers; l++) total += net.width(l);
        double[] out = new double[total + 1];
        double[] h = x.clone();
        int at = 0, position = 0;
        for (int l = 1; l <= hiddenLayers + 1; l++) {
            double[] next = new double[net.width(l)];
            for (int r = 0; r < net.width(l); r++) {
                double s = net.bias(l, r);
                for (int c = 0; c < net.width(l - 1); c++) s += net.weight(l, r, c) * h[c];
                if (l == hiddenLayers + 1) {
                    out[total] = s;
                    return out;
                }
                out[at++] = s;
                boolean on = l < firstForced ? s > 0 : forced[forcedOff + position++];
                next[r] = on ? s : 0;
            }
            h = next;
        }
        throw new AssertionError();
    }

    /** Sides from signs (z > 0) of the plain network at x, layers 1..L. */
    static boolean[] signs(Network net, double[] x) {
        double[] z = preactivations(net, x, Integer.MAX_VALUE, null, 0);
        boolean[] s = new boolean[z.length - 1];
        for (int j = 0; j < s.length; j++) s[j] = z[j] > 0;
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double[] row(double[] matrix, int i, int width) {
        double[] r = new double[width];
        System.arraycopy(matrix, i * width, r, 0, width);
        return r;
    }

    static double[] uniform(java.util.SplittableRandom random, int n, double low, double high) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.nextDouble(low, high);
        return v;
    }
}
