package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drlp.spi.Dataset;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;

/** Dummy coding and interactions against designs written out by hand. */
class DesignCodingTest {

    /** income numeric; group with levels b, a, c (sorted: a, b, c); sex F/M. */
    private static Dataset data() {
        Map<String, List<String>> text = new LinkedHashMap<>();
        text.put("group", List.of("b", "a", "c", "b"));
        text.put("sex", List.of("F", "M", "M", "F"));
        return new Dataset("hand", List.of("income"), "y", 4, new double[] {10, 20, 30, 40}, new double[] {1, 2, 3, 4},
                text, 0);
    }

    @Test
    void factorsAreDummiesAgainstTheFirstSortedLevelWithRsNames() {
        Dataset data = new Dataset("hand", List.of("income"), "y", 4, new double[] {10, 20, 30, 40}, new double[4],
                Map.of("group", List.of("b", "a", "c", "b")), 0);
        Problem problem = RReferenceFiles.build(data, Fixtures.absolute(), Map.of());
        assertEquals(List.of("income", "groupb", "groupc", "intercept"), problem.parameterNames());
        assertArrayEquals(new double[] {
                10, 1, 0, 1,
                20, 0, 0, 1,
                30, 0, 1, 1,
                40, 1, 0, 1}, problem.design(data).orElseThrow());
    }

    @Test
    void numericByFactorAndFactorByFactorInteractionsInRsColumnOrder() {
        Dataset data = data();
        Problem problem = RReferenceFiles.build(data, Fixtures.absolute(),
                Map.of("interactions", List.of("income:group", "group:sex"), "intercept", false));
        assertEquals(List.of("income", "groupb", "groupc", "sexM", "income:groupb", "income:groupc",
                "groupb:sexM", "groupc:sexM"), problem.parameterNames());
        assertArrayEquals(new double[] {
                10, 1, 0, 0, 10, 0, 0, 0,
                20, 0, 0, 1, 0, 0, 0, 0,
                30, 0, 1, 1, 0, 30, 0, 1,
                40, 1, 0, 0, 40, 0, 0, 0}, problem.design(data).orElseThrow());
    }

    @Test
    void aStatedReferenceLevelAndNewDataCodedAsTheTraining() {
        Dataset training = data();
        Problem problem = RReferenceFiles.build(training, Fixtures.absolute(),
                Map.of("reference", List.of("group=c"), "features", List.of()));
        List<String> names = problem.parameterNames();
        assertTrue(names.containsAll(List.of("groupa", "groupb")) && !names.contains("groupc"), names.toString());
        // new data with only two of the levels: still the training's columns
        Dataset fresh = new Dataset("new.csv", List.of("income"), "y", 2, new double[] {5, 6}, new double[2],
                Map.of("group", List.of("c", "a"), "sex", List.of("M", "M")), 0);
        double[] design = problem.design(fresh).orElseThrow();
        assertEquals(2 * names.size(), design.length);
        assertEquals(0, design[names.indexOf("groupa")]);
        assertEquals(1, design[names.size() + names.indexOf("groupa")]);
        assertEquals(1, design[names.indexOf("sexM")]);
    }

    @Test
    void levelsUnseenInTrainingAndBadReferencesAreLocated() {
        Problem problem = RReferenceFiles.build(data(), Fixtures.absolute(), Map.of());
        Dataset fresh = new Dataset("new.csv", List.of("income"), "y", 2, new double[] {5, 6}, new double[2],
                Map.of("group", List.of("a", "d"), "sex", List.of("M", "M")), 0);
        var unseen = assertThrows(IllegalArgumentException.class, () -> problem.design(fresh));
        assertEquals("new.csv: data row 2, column \"group\": level \"d\" was not in the training data (its levels: a, b, c)",
                unseen.getMessage());
        var reference = assertThrows(IllegalArgumentException.class, () -> RReferenceFiles.build(data(), Fixtures.absolute(),
                Map.of("reference", List.of("group=z"))));
        assertTrue(reference.getMessage().contains("reference level \"z\" of \"group\" is not one of its levels a, b, c"),
                reference.getMessage());
        var notFactor = assertThrows(IllegalArgumentException.class, () -> RReferenceFiles.build(data(), Fixtures.absolute(),
                Map.of("reference", List.of("income=1"))));
        assertTrue(notFactor.getMessage().contains("not a categorical column"), notFactor.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> RReferenceFiles.build(data(), Fixtures.absolute(),
                Map.of("interactions", List.of("income:region"))));
        assertTrue(unknown.getMessage().contains("unknown column \"region\"; the data has income, group, sex"),
                unknown.getMessage());
    }
}
