package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterException;
import org.drlp.api.Parameters;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models as the experiment service builds them: parameters, start points, names and artifacts. */
class ModelProvidersTest {

    @TempDir
    Path dir;

    private final PaperSetup setup = PaperSetup.create(50, 3);

    private Problem build(ModelProvider model, Map<String, ?> given) throws IOException {
        Parameters parameters = Parameters.resolve("model \"" + model.name() + "\"", model.parameters(), given, dir);
        return model.build(setup.data(), TestLosses.absolute(), parameters);
    }

    private void writeNetwork() throws IOException {
        setup.network().write(dir.resolve("net.json"));
    }

    @Test
    void reluLayerStartsFromTheCurrentLayerAndNamesItsParameters() throws IOException {
        writeNetwork();
        Problem problem = build(new ReluLayerModel(), Map.of("network", "net.json", "layer", 2));
        assertArrayEquals(setup.network().layerParameters(2), problem.start(), 0);
        List<String> names = problem.parameterNames();
        assertEquals(4 * 6, names.size());
        assertEquals(List.of("L2.w[1,1]", "L2.w[1,2]", "L2.w[1,3]", "L2.w[1,4]", "L2.w[1,5]", "L2.b[1]", "L2.w[2,1]"),
                names.subList(0, 7));
        assertEquals("L2.b[4]", names.get(names.size() - 1));
        problem.program().reset(problem.start());
        double expected = LayerTrainingWalkTest.plainLoss(setup.network(), 2, problem.start(), setup, TestLosses.absolute());
        assertEquals(expected, problem.program().value(), 1e-10 * expected);
    }

    @Test
    void reluLayerRandomStartIsSeededAndInRange() throws IOException {
        writeNetwork();
        Map<String, Object> given = Map.of("network", "net.json", "start", "random", "startLow", -20.0,
                "startHigh", 20.0, "seed", 5);
        double[] a = build(new ReluLayerModel(), given).start(), b = build(new ReluLayerModel(), given).start();
        assertArrayEquals(a, b, 0);
        assertEquals(25, a.length);
        for (double v : a) assertTrue(v >= -20 && v < 20);
        assertTrue(Oracle.maxAbs(a) > 5, "spread over the range");
    }

    @Test
    void reluLayerWritesTheTrainedNetwork() throws IOException {
        writeNetwork();
        Problem problem = build(new ReluLayerModel(), Map.of("network", "net.json", "layer", 1));
        double[] trained = Oracle.uniform(new java.util.SplittableRandom(9), 25, -1, 1);
        Path run = dir.resolve("run-1");
        problem.writeArtifacts(trained, run);
        Network back = Network.read(run.resolve("network.json"));
        assertArrayEquals(trained, back.layerParameters(1), 0);
        for (int l = 2; l <= 4; l++) assertArrayEquals(setup.network().layerParameters(l), back.layerParameters(l), 0);
    }

    @Test
    void reluLayerRejectsWhatDoesNotFit() throws IOException {
        writeNetwork();
        ReluLayerModel model = new ReluLayerModel();
        ParameterException layer = assertThrows(ParameterException.class,
                () -> build(model, Map.of("network", "net.json", "layer", 5)));
        assertTrue(layer.getMessage().contains("layer 5 does not exist"), layer.getMessage());
        assertThrows(ParameterException.class, () -> build(model, Map.of("layer", 1)));
        assertThrows(ParameterException.class, () -> build(model, Map.of("network", "net.json", "start", "random",
                "startLow", 1.0, "startHigh", 1.0)));
        IOException missing = assertThrows(IOException.class, () -> build(model, Map.of("network", "absent.json")));
        assertTrue(missing.getMessage().contains("absent.json"), missing.getMessage());
        Network wrongInputs = Network.random(3, new int[] {2}, -1, 1, 1);
        wrongInputs.write(dir.resolve("three.json"));
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> build(model, Map.of("network", "three.json")));
        assertTrue(columns.getMessage().contains("takes 3 inputs"), columns.getMessage());
    }

    @Test
    void reluArgminStarts() throws IOException {
        writeNetwork();
        ReluArgminModel model = new ReluArgminModel();
        Problem zero = build(model, Map.of("network", "net.json"));
        assertArrayEquals(new double[4], zero.start(), 0);
        assertEquals(List.of("x1", "x2", "x3", "x4"), zero.parameterNames());
        Problem given = build(model, Map.of("network", "net.json", "start", List.of(1.0, 2.0, 3.0, 4.0)));
        assertArrayEquals(new double[] {1, 2, 3, 4}, given.start(), 0);
        Problem random = build(model, Map.of("network", "net.json", "startLow", -20.0, "startHigh", 20.0, "seed", 3));
        for (double v : random.start()) assertTrue(v >= -20 && v < 20);
        assertThrows(ParameterException.class, () -> build(model, Map.of("network", "net.json", "start", List.of(1.0))));
        assertThrows(ParameterException.class, () -> build(model, Map.of("network", "net.json",
                "start", List.of(1.0, 2.0, 3.0, 4.0), "startLow", -1.0, "startHigh", 1.0)));
        random.program().reset(random.start());
        assertEquals(setup.network().evaluate(random.start()), random.program().value(), 1e-12);
    }
}
