package org.drlp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An integer parameter takes whole numbers within its range; a refusal names plugin, parameter and range. */
class IntegerParametersTest {

    private static final ParameterSpec ROWS = ParameterSpec.integer("n", 10L, "rows")
            .withRange(1, false, Integer.MAX_VALUE, false);
    private static final ParameterSpec SEED = ParameterSpec.integer("seed", 1L, "seed");

    private static String refusal(ParameterSpec spec, Object value) {
        return assertThrows(ParameterException.class,
                () -> Parameters.resolve("data source \"x\"", List.of(spec), Map.of(spec.name(), value), null)).getMessage();
    }

    private static Parameters resolve(ParameterSpec spec, Object value) {
        return Parameters.resolve("data source \"x\"", List.of(spec), Map.of(spec.name(), value), null);
    }

    @Test
    void beyondTheDeclaredRangeOrFractionalIsRefusedWithTheRange() {
        assertEquals("data source \"x\": parameter \"n\" = 10000000000 is out of range; allowed [1, 2147483647]",
                refusal(ROWS, 10_000_000_000L));
        assertEquals("data source \"x\": parameter \"n\" = 1.0E10 is out of range; allowed [1, 2147483647]",
                refusal(ROWS, 1e10));
        assertEquals("data source \"x\": parameter \"n\" = 1.5 is not an integer; allowed integers [1, 2147483647]",
                refusal(ROWS, 1.5));
        assertEquals(Integer.MAX_VALUE, resolve(ROWS, (long) Integer.MAX_VALUE).intValue("n"));
    }

    @Test
    void anUndeclaredRangeStopsAtTwoToThe53() {
        assertEquals(1L << 53, resolve(SEED, 1L << 53).integer("seed"));
        assertEquals(-(1L << 53), resolve(SEED, -(1L << 53)).integer("seed"));
        assertEquals("data source \"x\": parameter \"seed\" = 9007199254740993 is out of range; allowed integers, "
                + "at most 2^53 in size", refusal(SEED, (1L << 53) + 1));
        assertEquals("data source \"x\": parameter \"seed\" = 1.0E300 is out of range; allowed integers, at most 2^53 "
                + "in size", refusal(SEED, 1e300));
        assertEquals("data source \"x\": parameter \"seed\" = -9223372036854775808 is out of range; allowed integers, "
                + "at most 2^53 in size", refusal(SEED, Long.MIN_VALUE));
    }

    @Test
    void intValueOfAValueBeyondAnIntNamesTheIntRange() {
        Parameters seed = resolve(SEED, 1L << 40);
        assertEquals(1L << 40, seed.integer("seed"));
        assertEquals("data source \"x\": parameter \"seed\" = 1099511627776 is out of range; allowed "
                + "[-2147483648, 2147483647]", assertThrows(ParameterException.class, () -> seed.intValue("seed")).getMessage());
    }

    @Test
    void integerListsAreCheckedItemByItem() {
        ParameterSpec layers = ParameterSpec.list("layers", ParameterType.INTEGER_LIST, null, "layers")
                .withRange(1, false, Integer.MAX_VALUE, false);
        assertEquals(List.of(1L, 3L), resolve(layers, List.of(1L, 3L)).integers("layers"));
        assertEquals("data source \"x\": parameter \"layers\" = [1, 4294967296] is out of range; allowed [1, 2147483647]",
                refusal(layers, List.of(1L, 1L << 32)));
    }
}
