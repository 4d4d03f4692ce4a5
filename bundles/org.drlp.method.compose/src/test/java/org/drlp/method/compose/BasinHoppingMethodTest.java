package org.drlp.method.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.drlp.api.StepListener;
import org.junit.jupiter.api.Test;

class BasinHoppingMethodTest {

    private static final int ROWS = 200;
    private static final long SEED = 5;

    private static BasinHoppingMethod.Hops hop(long seed) throws Exception {
        BasinHoppingMethod method = new BasinHoppingMethod();
        return method.hop(TrainingProblems.firstLayer(ROWS, SEED),
                TrainingProblems.parameters(method, Map.of("local", TrainingProblems.walk(), "restarts", 6,
                        "perturbation", 0.3, "seed", seed)), StepListener.NONE);
    }

    @Test
    void theBestNeverRisesAndIsACertifiedEndOfItsOwn() throws Exception {
        BasinHoppingMethod.Hops hops = hop(11);
        assertEquals(7, hops.objectives().length, "the first run and six restarts");
        for (int i = 1; i < hops.bestSoFar().length; i++) {
            assertTrue(hops.bestSoFar()[i] <= hops.bestSoFar()[i - 1], "the best rose at restart " + i);
        }
        var result = hops.result();
        assertTrue(result.status().isCertified(), result.message());
        double lowest = Arrays.stream(hops.objectives()).min().orElseThrow();
        assertEquals(lowest, result.objective(), "every end here is certified, so the best is the lowest");
        double fresh = TrainingProblems.freshObjective(ROWS, SEED, result.point());
        assertEquals(fresh, result.objective(), 1e-9 * Math.max(1, fresh));
        assertEquals(fresh, result.certificate().recomputedObjective(), 1e-9 * Math.max(1, fresh),
                "the certificate is that of the returned point");
        assertTrue(result.message().contains("restart") || result.message().contains("objectives"), result.message());
    }

    /**
     * The time limit is the whole run's: with more restarts than fit, the run ends by its limit (the
     * restart under way gets what is left), at the best certified end so far, evaluated afresh.
     */
    @Test
    void aBudgetedRunEndsByItsLimitAtItsBestCertifiedPoint() throws Exception {
        BasinHoppingMethod method = new BasinHoppingMethod();
        double limit = 1.0;
        long started = System.nanoTime();
        BasinHoppingMethod.Hops hops = method.hop(TrainingProblems.firstLayer(ROWS, SEED),
                TrainingProblems.parameters(method, Map.of("local", TrainingProblems.walk(), "restarts", 1_000_000,
                        "perturbation", 0.3, "seed", 11L, "timeLimitSeconds", limit)), StepListener.NONE);
        double wall = (System.nanoTime() - started) * 1e-9;
        var result = hops.result();
        assertTrue(wall < limit + 0.75, "ran " + wall + " s of " + limit + " s");
        assertTrue(hops.objectives().length > 2 && hops.objectives().length < 1_000_001, hops.objectives().length + " runs");
        assertTrue(result.status().isCertified(), result.message());
        assertTrue(result.message().contains("time limit reached"), result.message());
        double fresh = TrainingProblems.freshObjective(ROWS, SEED, result.point());
        assertEquals(fresh, result.objective(), 1e-9 * Math.max(1, fresh));
        assertEquals(fresh, result.certificate().recomputedObjective(), 1e-9 * Math.max(1, fresh));
        for (int i = 1; i < hops.bestSoFar().length; i++) assertTrue(hops.bestSoFar()[i] <= hops.bestSoFar()[i - 1]);
    }

    @Test
    void restartsAreReproducibleFromTheirSeed() throws Exception {
        BasinHoppingMethod.Hops once = hop(11), again = hop(11), other = hop(12);
        assertArrayEquals(once.objectives(), again.objectives());
        assertArrayEquals(once.result().point(), again.result().point());
        assertEquals(once.objectives()[0], other.objectives()[0], "the first run does not depend on the seed");
        assertFalse(Arrays.equals(once.objectives(), other.objectives()), "another seed, other restarts");
    }
}
