package org.drlp.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.drlp.spi.Dataset;

/** Small random regression data sets for the model contract. */
public final class RandomData {

    private RandomData() {
    }

    /**
     * Features x1, x2, ... standard normal, rounded to two decimals (so that ties and exact fits
     * happen); target y a random linear function of them plus Laplace noise, also rounded.
     */
    public static Dataset regression(long seed, int rows, int features) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int f = 1; f <= features; f++) names.add("x" + f);
        double[] beta = new double[features];
        for (int f = 0; f < features; f++) beta[f] = HingeProgram.gaussian(random);
        double[] x = new double[rows * features], y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double fit = HingeProgram.gaussian(random);
            for (int f = 0; f < features; f++) {
                x[i * features + f] = round(HingeProgram.gaussian(random));
                fit += beta[f] * x[i * features + f];
            }
            double u = random.nextDouble() - 0.5;
            y[i] = round(fit - Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }
        return new Dataset("random regression (seed " + seed + ")", names, "y", rows, x, y);
    }

    private static double round(double value) {
        return Math.rint(100 * value) / 100;
    }
}
