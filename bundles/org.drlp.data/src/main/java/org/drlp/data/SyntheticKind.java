package org.drlp.data;

import java.util.Arrays;
import java.util.List;

/**
 * The families of synthetic problems that the {@code kind} parameter of {@code synthetic} names.
 * Each starts from the plain linear data (gaussian) drawn from the same generator and changes
 * what makes it hard for a solver: ties, repeated rows, rank deficiency, as many coefficients as
 * rows, heavy tails, or columns at wildly different scales.
 */
enum SyntheticKind {
    /** y = 1 + x1 + ... + xp + scale * noise, the data of a spec without {@code kind}. */
    GAUSSIAN("gaussian"),
    /** x and y rounded to integers: few distinct values, many residuals tied at a vertex. */
    HEAVY_TIES("heavy-ties"),
    /** ceil(n / copies) rows drawn, each repeated copies times in a row, cut to n rows. */
    DUPLICATE_ROWS("duplicate-rows"),
    /** xp = x1 + ... + x(p-1) exactly (x on a grid of 2^-20, where these sums round nothing). */
    COLLINEAR("collinear"),
    /** p = n - 1 features whatever p says: with the intercept as many coefficients as rows. */
    P_NEAR_N("p-near-n"),
    /** Cauchy noise whatever noise says. */
    CAUCHY("cauchy"),
    /** Column j times 10^(-6 + 12 (j - 1) / (p - 1)), from 1e-6 to 1e6; y unchanged, so its coefficient is the inverse. */
    SCALED("scaled");

    /** Collinear x lies on this grid, where a sum of values rounds nothing while it stays below 2^33. */
    static final double GRID = 0x1p-20;
    static final double SMALLEST_SCALE = 1e-6, LARGEST_SCALE = 1e6;

    private final String id;

    SyntheticKind(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(SyntheticKind::id).toList();
    }

    /** The kind of a declared choice. */
    static SyntheticKind of(String id) {
        for (SyntheticKind kind : values()) if (kind.id.equals(id)) return kind;
        throw new IllegalArgumentException("unknown kind " + id); // the declared choices rule it out
    }

    /** The number of features, from the n and p parameters. */
    int features(long n, long p) {
        return (int) (this == P_NEAR_N ? n - 1 : p);
    }

    /** The rows to draw before {@link #reshape}: fewer for duplicate rows. */
    int rowsToDraw(int n, long copies) {
        return this == DUPLICATE_ROWS ? (int) ((n + copies - 1) / copies) : n;
    }

    /** Why the kind cannot be made with p features, or null. */
    String featureProblem(int p) {
        boolean needsTwo = this == COLLINEAR || this == SCALED;
        return needsTwo && p < 2 ? "kind " + id + " needs p >= 2 (has " + p + ")" : null;
    }

    /** The drawn data changed into this kind's, n rows. */
    LinearDraw reshape(LinearDraw drawn, int n, long copies, double scale) {
        return switch (this) {
            case GAUSSIAN, P_NEAR_N, CAUCHY -> drawn;
            case HEAVY_TIES -> ties(drawn, scale);
            case DUPLICATE_ROWS -> duplicates(drawn, n, (int) Math.min(copies, n));
            case COLLINEAR -> collinear(drawn, scale);
            case SCALED -> scaled(drawn);
        };
    }

    private static LinearDraw ties(LinearDraw drawn, double scale) {
        double[] x = drawn.x().clone();
        for (int k = 0; k < x.length; k++) x[k] = Math.rint(x[k]);
        double[] y = drawn.targets(x, scale);
        for (int i = 0; i < y.length; i++) y[i] = Math.rint(y[i]);
        return new LinearDraw(drawn.p(), x, y, drawn.noise());
    }

    private static LinearDraw duplicates(LinearDraw drawn, int n, int copies) {
        int p = drawn.p();
        double[] x = new double[n * p], y = new double[n], noise = new double[n];
        for (int i = 0; i < n; i++) {
            int source = i / copies;
            System.arraycopy(drawn.x(), source * p, x, i * p, p);
            y[i] = drawn.y()[source];
            noise[i] = drawn.noise()[source];
        }
        return new LinearDraw(p, x, y, noise);
    }

    private static LinearDraw collinear(LinearDraw drawn, double scale) {
        int p = drawn.p();
        double[] x = drawn.x().clone();
        for (int start = 0; start < x.length; start += p) {
            double sum = 0;
            for (int j = 0; j < p - 1; j++) {
                x[start + j] = Math.rint(x[start + j] / GRID) * GRID;
                sum += x[start + j];
            }
            x[start + p - 1] = sum;
        }
        return new LinearDraw(p, x, drawn.targets(x, scale), drawn.noise());
    }

    private static LinearDraw scaled(LinearDraw drawn) {
        int p = drawn.p();
        double[] x = drawn.x().clone();
        for (int k = 0; k < x.length; k++) x[k] *= columnScale(k % p, p);
        return new LinearDraw(p, x, drawn.y(), drawn.noise());
    }

    /** The factor on 0-based column j of p in kind scaled: log-spaced from 1e-6 to 1e6. */
    static double columnScale(int j, int p) {
        double exponent = Math.log10(SMALLEST_SCALE)
                + (Math.log10(LARGEST_SCALE) - Math.log10(SMALLEST_SCALE)) * j / (p - 1);
        return Math.pow(10, exponent);
    }
}
