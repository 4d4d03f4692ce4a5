package org.drlp.model.relu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.PluginChoice;
import org.drlp.spi.CheckContext;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PluginRole;

/**
 * Validation rows held out from training: the model's optional {@code validation} parameter, a data
 * source of its own ({@code {"type": "csv", "path": ..., "target": "y"}}, or {@code synthetic} with
 * another seed), loaded with the training data. A trained network is measured on them with the
 * run's loss, so that a lower training loss bought by overfitting shows.
 */
final class HeldOut {

    static final String PARAMETER = "validation";

    static final ParameterSpec SPEC = ParameterSpec.plugin(PARAMETER, PluginRole.DATA.id(), null,
            "held-out rows (a data source with the training data's columns): results.json records the run's loss "
                    + "on them at the end point as evaluation.validationLoss").asOptional();

    private final Dataset data;
    private final PiecewiseLinearLoss loss;

    private HeldOut(Dataset data, PiecewiseLinearLoss loss) {
        this.data = data;
        this.loss = loss;
    }

    /** The validation rows the parameters name, or null when they name none. */
    static HeldOut load(Parameters parameters, Network network, Path file, PiecewiseLinearLoss loss)
            throws IOException {
        if (!parameters.has(PARAMETER)) return null;
        PluginChoice source = parameters.plugin(PARAMETER);
        Dataset data;
        try {
            data = source.provider(DataSourceProvider.class).load(source.parameters());
        } catch (DataException e) {
            throw new IllegalArgumentException(parameters.owner() + ": validation data: " + e.getMessage(), e);
        }
        if (data.columns() != network.inputDimension()) {
            throw new IllegalArgumentException(parameters.owner() + ": the validation data " + data.source() + " has "
                    + data.columns() + " feature columns " + data.featureNames() + " but the network " + file
                    + " takes " + network.inputDimension() + " inputs");
        }
        return new HeldOut(data, loss);
    }

    /** The validation source gives as many feature columns as the network takes inputs, when it can tell without loading. */
    static void check(Parameters parameters, Network network, CheckContext context) {
        if (!parameters.has(PARAMETER)) return;
        PluginChoice source = parameters.plugin(PARAMETER);
        try {
            Optional<List<String>> names = source.provider(DataSourceProvider.class).featureNames(source.parameters());
            if (names.isPresent() && names.get().size() != network.inputDimension()) {
                context.problem(PARAMETER, "the validation data has " + names.get().size() + " feature columns "
                        + names.get() + " but the network takes " + network.inputDimension() + " inputs");
            }
        } catch (IOException | DataException e) {
            context.problem(PARAMETER, e.getMessage());
        }
    }

    /** The loss of the network on the validation rows (and their count), by a plain forward pass. */
    Map<String, Double> evaluate(Network network) {
        double[] x = new double[data.columns()];
        double total = 0;
        for (int i = 0; i < data.rows(); i++) {
            System.arraycopy(data.features(), i * x.length, x, 0, x.length);
            total += loss.value(network.evaluate(x) - data.target()[i]);
        }
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("validationLoss", total);
        measures.put("validationRows", (double) data.rows());
        return measures;
    }
}
