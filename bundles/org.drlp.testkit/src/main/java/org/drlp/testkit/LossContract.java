package org.drlp.testkit;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;
import org.drlp.spi.PluginRole;

/**
 * The loss's contract: at least one hinge; {@code value} agrees with the hinge form the model builds
 * neurons from; central finite differences of {@code value} give, away from the kinks, the summed
 * slope of the hinges and, at each kink, a jump of highSlope - lowSlope; {@code isConvex()} is true
 * exactly when every jump is non-negative, and a loss that claims convexity is convex on random
 * triples of residuals.
 */
public final class LossContract {

    private static final double RELATIVE = 1e-7;

    private LossContract() {
    }

    /** Checks the provider with its default parameters. */
    public static void check(LossProvider provider) {
        check(provider, Map.of());
    }

    /** Checks the provider with the parameters a spec would give. */
    public static void check(LossProvider provider, Map<String, ?> parameters) {
        Contracts.checkDeclarations(PluginRole.LOSS, provider);
        String owner = PluginRole.LOSS.owner(provider.name()) + (parameters.isEmpty() ? "" : " with " + parameters);
        PiecewiseLinearLoss loss = provider.create(Contracts.parameters(PluginRole.LOSS, provider, parameters));
        if (loss == null) Contracts.fail(owner + ": create returned null");
        check(owner, loss);
    }

    /** Checks a loss built without a provider; {@code owner} names it in messages. */
    public static void check(String owner, PiecewiseLinearLoss loss) {
        List<Kink> kinks = loss.kinks();
        if (kinks == null || kinks.isEmpty()) Contracts.fail(owner + ": kinks() must not be empty");
        double span = 1;
        for (Kink kink : kinks) span = Math.max(span, 4 * Math.abs(kink.at()));
        double slopeScale = 0;
        for (Kink kink : kinks) slopeScale += Math.abs(kink.lowSlope()) + Math.abs(kink.highSlope());

        SplittableRandom random = new SplittableRandom(29);
        for (int trial = 0; trial < 400; trial++) {
            double z = (2 * random.nextDouble() - 1) * span;
            double expected = hingeSum(kinks, z), actual = loss.value(z);
            double h = gap(kinks, z, span);
            double numeric = h == 0 ? Double.NaN : (loss.value(z + h) - loss.value(z - h)) / (2 * h);
            double slope = slope(kinks, z);
            String slopes = h == 0 ? "" : "; the slope there is " + numeric + " by finite differences of value, "
                    + slope + " by the kinks";
            if (!Contracts.close(actual, expected, RELATIVE * (1 + slopeScale))) {
                Contracts.fail(owner + ": value(" + z + ") = " + actual + " but its hinges sum to " + expected + slopes);
            }
            if (h != 0 && !Contracts.close(numeric, slope, 1e-5 * (1 + slopeScale))) {
                Contracts.fail(owner + ": value agrees with the hinges at " + z + slopes);
            }
        }
        boolean convex = true;
        for (Kink kink : kinks) {
            convex &= kink.highSlope() >= kink.lowSlope();
            double h = 1e-6 * (1 + Math.abs(kink.at()));
            // kinks at one place (an epsilon-insensitive loss with epsilon 0) jump together
            double claimed = 0;
            boolean first = true, isolated = true;
            for (Kink other : kinks) {
                double apart = Math.abs(other.at() - kink.at());
                if (apart == 0) {
                    claimed += other.highSlope() - other.lowSlope();
                    first &= kinks.indexOf(other) >= kinks.indexOf(kink);
                }
                else if (apart < 2 * h) isolated = false;
            }
            if (!first || !isolated) continue;
            double left = (loss.value(kink.at()) - loss.value(kink.at() - h)) / h;
            double right = (loss.value(kink.at() + h) - loss.value(kink.at())) / h;
            double jump = right - left;
            if (!Contracts.close(jump, claimed, 1e-4 * (1 + slopeScale))) {
                Contracts.fail(owner + ": at the kink at " + kink.at() + " the slope of value jumps by " + jump
                        + " (from " + left + " to " + right + ") but the kinks there claim " + claimed
                        + " (lowSlope " + kink.lowSlope() + ", highSlope " + kink.highSlope() + ")");
            }
        }
        if (loss.isConvex() != convex) {
            Contracts.fail(owner + ": isConvex() is " + loss.isConvex() + " but its kinks' slopes say "
                    + (convex ? "convex" : "not convex"));
        }
        if (!loss.isConvex()) return;
        for (int trial = 0; trial < 400; trial++) {
            double a = (2 * random.nextDouble() - 1) * span, b = (2 * random.nextDouble() - 1) * span;
            double w = random.nextDouble(), mid = w * a + (1 - w) * b;
            double chord = w * loss.value(a) + (1 - w) * loss.value(b);
            if (loss.value(mid) > chord + RELATIVE * (1 + Math.abs(chord)) * (1 + slopeScale)) {
                Contracts.fail(owner + ": claims to be convex, but value(" + mid + ") = " + loss.value(mid)
                        + " lies above the chord between " + a + " and " + b + " (" + chord + ")");
            }
        }
    }

    /** The hinge form: sum_q phi_q(z - at_q). */
    static double hingeSum(List<Kink> kinks, double z) {
        double sum = 0;
        for (Kink kink : kinks) {
            double u = z - kink.at();
            sum += u < 0 ? kink.lowSlope() * u : kink.highSlope() * u;
        }
        return sum;
    }

    private static double slope(List<Kink> kinks, double z) {
        double sum = 0;
        for (Kink kink : kinks) sum += z < kink.at() ? kink.lowSlope() : kink.highSlope();
        return sum;
    }

    /** A finite-difference step that crosses no kink around z; 0 when z is too close to one. */
    private static double gap(List<Kink> kinks, double z, double span) {
        double h = 1e-4 * span;
        for (Kink kink : kinks) h = Math.min(h, 0.5 * Math.abs(z - kink.at()));
        return h < 1e-9 * span ? 0 : h;
    }
}
