package org.drlp.model.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.spi.CheckContext;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PluginRole;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutTest {

    @TempDir
    Path folder;

    /** A data source that hands out one fixed data set: the validation rows of the test. */
    private record Fixed(Dataset data) implements DataSourceProvider {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String description() {
            return "a fixed data set";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public Dataset load(Parameters parameters) {
            return data;
        }

        @Override
        public Optional<List<String>> featureNames(Parameters parameters) {
            return Optional.of(data.featureNames());
        }
    }

    private static PluginChoice validation(Dataset data) {
        Fixed source = new Fixed(data);
        return new PluginChoice(PluginRole.DATA.id(), source.name(), source, Parameters.defaults("data", List.of()));
    }

    private Parameters parameters(ModelProvider model, PaperSetup setup, Map<String, Object> extra) throws Exception {
        Path network = folder.resolve("network.json");
        setup.network().write(network);
        Map<String, Object> given = new HashMap<>(extra);
        given.put("network", network.toString());
        return Parameters.resolve("model", model.parameters(), given, null);
    }

    @Test
    void theValidationLossOfTheTrainedLayerEqualsARecomputationOnTheHeldOutRows() throws Exception {
        PaperSetup training = PaperSetup.create(150, 7), heldOut = PaperSetup.create(80, 8);
        PiecewiseLinearLoss loss = TestLosses.absolute();
        ReluLayerModel model = new ReluLayerModel();
        Problem problem = model.build(training.data(), loss, parameters(model, training,
                Map.of("layer", 2, "validation", validation(heldOut.data()))));
        double[] point = Oracle.uniform(new SplittableRandom(9), training.network().layerParameterCount(2), -1, 1);

        Map<String, Double> evaluation = problem.evaluate(point);
        // recomputed through the training program's own arithmetic, on the held-out rows
        LayerTrainingProgram onHeldOut = new LayerTrainingProgram(training.network(), 2, heldOut.inputs(),
                heldOut.targets(), loss);
        onHeldOut.reset(point);
        assertEquals(onHeldOut.value(), evaluation.get("validationLoss"), 1e-9 * onHeldOut.value());
        assertEquals(80.0, evaluation.get("validationRows"));
        // and it is not the training loss
        problem.program().reset(point);
        assertTrue(Math.abs(problem.program().value() - evaluation.get("validationLoss")) > 1e-6);
    }

    @Test
    void layerwiseTrainingIsMeasuredOnTheWholeTrainedNetwork() throws Exception {
        PaperSetup training = PaperSetup.create(100, 3), heldOut = PaperSetup.create(60, 4);
        PiecewiseLinearLoss loss = TestLosses.absolute();
        ReluLayerwiseModel model = new ReluLayerwiseModel();
        Problem problem = model.build(training.data(), loss, parameters(model, training,
                Map.of("layers", List.of(1, 3), "validation", validation(heldOut.data()))));
        double[] point = Oracle.uniform(new SplittableRandom(5), problem.start().length, -1, 1);
        Network trained = training.network()
                .withLayerParameters(1, java.util.Arrays.copyOfRange(point, 0, training.network().layerParameterCount(1)))
                .withLayerParameters(3, java.util.Arrays.copyOfRange(point, training.network().layerParameterCount(1),
                        point.length));
        double expected = 0;
        for (int i = 0; i < 60; i++) {
            double[] x = java.util.Arrays.copyOfRange(heldOut.inputs(), 4 * i, 4 * i + 4);
            expected += Math.abs(trained.evaluate(x) - heldOut.targets()[i]);
        }
        assertEquals(expected, problem.evaluate(point).get("validationLoss"), 1e-9 * expected);
    }

    @Test
    void withoutValidationRowsThereIsNothingToRecord() throws Exception {
        PaperSetup training = PaperSetup.create(50, 1);
        ReluLayerModel model = new ReluLayerModel();
        Problem problem = model.build(training.data(), TestLosses.absolute(), parameters(model, training, Map.of()));
        assertTrue(problem.evaluate(problem.start()).isEmpty());
    }

    @Test
    void validationRowsOfAnotherWidthAreReportedBeforeAnythingRuns() throws Exception {
        PaperSetup training = PaperSetup.create(50, 1);
        Dataset narrow = new Dataset("narrow", List.of("x1", "x2"), "y", 1, new double[] {1, 2}, new double[] {3});
        ReluLayerModel model = new ReluLayerModel();
        List<String> problems = new ArrayList<>();
        model.check(parameters(model, training, Map.of("validation", validation(narrow))), new CheckContext() {
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
                return Optional.of("relu-layer");
            }

            @Override
            public Optional<String> method() {
                return Optional.empty();
            }
        });
        assertEquals(List.of("validation: the validation data has 2 feature columns [x1, x2] but the network takes 4 inputs"),
                problems);
    }
}
