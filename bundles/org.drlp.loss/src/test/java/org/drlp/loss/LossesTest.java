package org.drlp.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.LossProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PiecewiseLinearLoss.Kink;
import org.junit.jupiter.api.Test;

class LossesTest {

    private static PiecewiseLinearLoss create(LossProvider provider, Map<String, ?> given) {
        return provider.create(Parameters.resolve(owner(provider), provider.parameters(), given, null));
    }

    private static String owner(LossProvider provider) {
        return "loss \"" + provider.name() + "\"";
    }

    /** Every loss at a spread of parameters, including the edges of the allowed ranges. */
    private static List<PiecewiseLinearLoss> allLosses() {
        List<PiecewiseLinearLoss> losses = new ArrayList<>();
        losses.add(create(new AbsoluteLoss(), Map.of()));
        for (double tau : new double[] {1e-6, 0.1, 0.25, 0.5, 0.8, 0.999999}) {
            losses.add(create(new QuantileLoss(), Map.of("tau", tau)));
        }
        for (double epsilon : new double[] {0, 1e-9, 0.5, 3, 1e6}) {
            losses.add(create(new EpsilonInsensitiveLoss(), Map.of("epsilon", epsilon)));
        }
        return losses;
    }

    /** The hinge form the model builds neurons from, summed independently of the loss's own formula. */
    private static double hingeSum(PiecewiseLinearLoss loss, double z) {
        double sum = 0;
        for (Kink kink : loss.kinks()) {
            double u = z - kink.at();
            sum += u < 0 ? kink.lowSlope() * u : kink.highSlope() * u;
        }
        return sum;
    }

    @Test
    void providersAreNamedAndDescribedOnOneLine() {
        List<LossProvider> providers = List.of(new AbsoluteLoss(), new QuantileLoss(), new EpsilonInsensitiveLoss());
        assertEquals(List.of("absolute", "quantile", "epsilon-insensitive"),
                providers.stream().map(LossProvider::name).collect(Collectors.toList()));
        for (LossProvider provider : providers) {
            assertFalse(provider.description().isBlank(), provider.name());
            assertFalse(provider.description().contains("\n"), provider.name());
        }
        assertTrue(new QuantileLoss().description().contains("check loss rho_tau of y - fit"));
    }

    @Test
    void formulaEqualsHingeSumAtRandomResidualsAndAtTheKinks() {
        SplittableRandom random = new SplittableRandom(11);
        for (PiecewiseLinearLoss loss : allLosses()) {
            List<Double> residuals = new ArrayList<>();
            for (int i = 0; i < 2000; i++) residuals.add(random.nextDouble(-10, 10) * Math.pow(10, random.nextInt(-3, 7)));
            for (Kink kink : loss.kinks()) {
                residuals.add(kink.at());
                residuals.add(Math.nextDown(kink.at()));
                residuals.add(Math.nextUp(kink.at()));
            }
            for (double z : residuals) {
                double expected = hingeSum(loss, z);
                assertEquals(expected, loss.value(z), 1e-12 * (1 + Math.abs(z)), loss.kinks() + " at z = " + z);
            }
        }
    }

    @Test
    void everyLossIsConvexNonNegativeAndZeroAtAPerfectFit() {
        SplittableRandom random = new SplittableRandom(5);
        for (PiecewiseLinearLoss loss : allLosses()) {
            assertTrue(loss.isConvex(), loss.kinks().toString());
            assertEquals(0, loss.value(0), 0);
            for (int i = 0; i < 1000; i++) {
                double a = random.nextDouble(-100, 100), b = random.nextDouble(-100, 100), t = random.nextDouble();
                double between = loss.value(t * a + (1 - t) * b);
                assertTrue(between <= t * loss.value(a) + (1 - t) * loss.value(b) + 1e-9, "not convex on " + a + ", " + b);
                assertTrue(loss.value(a) >= 0);
            }
        }
    }

    @Test
    void absoluteIsOneHingeWithSlopesMinusOneAndOne() {
        PiecewiseLinearLoss loss = create(new AbsoluteLoss(), Map.of());
        assertEquals(List.of(new Kink(0, -1, 1)), loss.kinks());
        assertEquals(2.5, loss.value(-2.5));
    }

    /** The sign convention: z = fit - y, and rho_tau is applied to y - fit. */
    @Test
    void quantileChargesTauForFittingBelowTheTarget() {
        PiecewiseLinearLoss loss = create(new QuantileLoss(), Map.of("tau", 0.9));
        Kink kink = loss.kinks().get(0);
        assertEquals(1, loss.kinks().size());
        assertEquals(0, kink.at());
        assertEquals(-0.9, kink.lowSlope(), 1e-15);
        assertEquals(0.1, kink.highSlope(), 1e-15);
        double fit = 2, y = 3; // fit below y: u = y - fit = 1, rho_0.9(1) = 0.9
        assertEquals(0.9, loss.value(fit - y), 1e-15);
        assertEquals(0.1, loss.value(y - fit), 1e-15);
    }

    @Test
    void quantileDefaultsToTheMedianWhichIsHalfTheAbsoluteLoss() {
        PiecewiseLinearLoss median = create(new QuantileLoss(), Map.of());
        assertEquals(List.of(new Kink(0, -0.5, 0.5)), median.kinks());
        assertEquals(1.5, median.value(-3));
    }

    @Test
    void epsilonInsensitiveHasTwoHingesAroundAFlatBand() {
        PiecewiseLinearLoss loss = create(new EpsilonInsensitiveLoss(), Map.of("epsilon", 1.0));
        assertEquals(List.of(new Kink(-1, -1, 0), new Kink(1, 0, 1)), loss.kinks());
        assertEquals(0, loss.value(0.5));
        assertEquals(0, loss.value(-1));
        assertEquals(1.5, loss.value(2.5));
        assertEquals(1.5, loss.value(-2.5));
    }

    @Test
    void epsilonZeroIsTheAbsoluteLossAsTwoCoincidentHinges() {
        PiecewiseLinearLoss loss = create(new EpsilonInsensitiveLoss(), Map.of());
        assertEquals(List.of(new Kink(0, -1, 0), new Kink(0, 0, 1)), loss.kinks());
        assertEquals(4, loss.value(-4));
        assertEquals(4, loss.value(4));
    }

    @Test
    void tauOutsideTheOpenUnitIntervalIsRejectedNamingLossParameterValueAndRange() {
        for (double tau : new double[] {0, 1, -0.1, 1.5}) {
            ParameterException e = assertThrows(ParameterException.class,
                    () -> create(new QuantileLoss(), Map.of("tau", tau)));
            String message = e.getMessage();
            assertTrue(message.contains("loss \"quantile\"") && message.contains("\"tau\"")
                    && message.contains(String.valueOf(tau)) && message.contains("(0, 1)"), message);
        }
    }

    @Test
    void illTypedOrUnknownParametersAreRejected() {
        assertThrows(ParameterException.class, () -> create(new QuantileLoss(), Map.of("tau", "0.5")));
        ParameterException negative = assertThrows(ParameterException.class,
                () -> create(new EpsilonInsensitiveLoss(), Map.of("epsilon", -0.5)));
        assertTrue(negative.getMessage().contains("\"epsilon\"") && negative.getMessage().contains(">= 0"),
                negative.getMessage());
        ParameterException unknown = assertThrows(ParameterException.class,
                () -> create(new AbsoluteLoss(), Map.of("tau", 0.5)));
        assertTrue(unknown.getMessage().contains("unknown parameter \"tau\""), unknown.getMessage());
    }

    @Test
    void parametersAreDeclaredWithTypeDefaultAndRange() {
        var tau = new QuantileLoss().parameters().get(0);
        assertEquals(ParameterType.REAL, tau.type());
        assertEquals(0.5, tau.defaultValue());
        assertEquals("(0, 1) or \"process\"", tau.constraintText());
        var epsilon = new EpsilonInsensitiveLoss().parameters().get(0);
        assertEquals(ParameterType.REAL, epsilon.type());
        assertEquals(0.0, epsilon.defaultValue());
        assertEquals(">= 0", epsilon.constraintText());
    }
}
