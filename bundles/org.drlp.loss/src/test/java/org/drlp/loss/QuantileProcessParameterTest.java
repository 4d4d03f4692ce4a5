package org.drlp.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.ParameterException;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.PiecewiseLinearLoss;
import org.junit.jupiter.api.Test;

/** {@code tau: "process"} of the quantile loss: the word accepted, others refused with what is allowed. */
class QuantileProcessParameterTest {

    private final QuantileLoss provider = new QuantileLoss();

    private Parameters resolve(Object tau) {
        return Parameters.resolve("loss \"quantile\"", provider.parameters(), Map.of("tau", tau), null);
    }

    @Test
    void processIsTheMediansLossMarkedForTheProcess() {
        PiecewiseLinearLoss loss = provider.create(resolve("process"));
        assertTrue(loss.quantileProcess());
        assertEquals(-0.5, loss.kinks().get(0).lowSlope());
        assertEquals(0.5, loss.kinks().get(0).highSlope());
        assertEquals(1.5, loss.value(-3));
        assertFalse(provider.create(resolve(0.3)).quantileProcess());
    }

    @Test
    void anotherWordIsRefusedNamingWhatIsAllowed() {
        ParameterException e = assertThrows(ParameterException.class, () -> resolve("proces"));
        assertEquals("loss \"quantile\": parameter \"tau\" = \"proces\" is not allowed; allowed (0, 1) or \"process\"",
                e.getMessage());
        e = assertThrows(ParameterException.class, () -> resolve(true));
        assertEquals("loss \"quantile\": parameter \"tau\" = true is not allowed; allowed (0, 1) or \"process\"",
                e.getMessage());
        e = assertThrows(ParameterException.class, () -> resolve(1.5));
        assertEquals("loss \"quantile\": parameter \"tau\" = 1.5 is out of range; allowed (0, 1) or \"process\"",
                e.getMessage());
    }

    @Test
    void theWordIsNotANumber() {
        ParameterException e = assertThrows(ParameterException.class, () -> resolve("process").real("tau"));
        assertEquals("loss \"quantile\": parameter \"tau\" is \"process\", not a number", e.getMessage());
        assertEquals("process", resolve("process").string("tau"));
    }

    @Test
    void theProcessNeedsTheLinearModel() {
        assertEquals(List.of(), problems(resolve("process"), "linear"));
        assertEquals(List.of("tau: \"process\" needs the model \"linear\", which follows the solution in tau; "
                + "this run's model is \"relu-layer\""), problems(resolve("process"), "relu-layer"));
        assertEquals(List.of(), problems(resolve(0.25), "relu-layer"));
    }

    private List<String> problems(Parameters parameters, String model) {
        List<String> problems = new ArrayList<>();
        provider.check(parameters, new CheckContext() {
            @Override
            public void problem(String parameter, String message) {
                problems.add(parameter + ": " + message);
            }

            @Override
            public Optional<List<String>> featureNames() {
                return Optional.empty();
            }

            @Override
            public Optional<String> model() {
                return Optional.of(model);
            }

            @Override
            public Optional<String> method() {
                return Optional.empty();
            }
        });
        return problems;
    }
}
