package org.drlp.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.CoefficientTable;
import org.drlp.api.SolveResult;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/** What a model builds from data and a loss: the program to minimise, where to start, and names. */
@ConsumerType // implemented by model plugins
public interface Problem {

    ReluProgram program();

    /** Start point, length {@code program().dimension()}. */
    double[] start();

    /** Name of each coordinate of the program's input; {@code intercept} for an intercept. */
    List<String> parameterNames();

    /** Writes model-specific artifacts of a solution (a trained network, say) into a run's folder. */
    default void writeArtifacts(double[] solution, Path runDirectory) throws IOException {
    }

    /**
     * The problem's answer from the result of walking {@link #program()}: a problem whose program
     * stands in for another (the exact-penalty form of a linear program) checks the result, walks
     * further programs of the same dimension with {@code walker} when it must (a larger penalty, a
     * feasibility problem), and reports in its own terms (status INFEASIBLE, its own objective). The
     * returned result counts the pivots and seconds of every walk. The default returns the result
     * unchanged. Methods that walk vertices call it after their first walk (the kernel's vertex-walk
     * does); other methods may not, and then report the first walk's result.
     *
     * @since 2.0
     */
    default SolveResult conclude(SolveResult result, Walker walker) {
        return result;
    }

    /** Walks one more program for {@link #conclude}, with the method's pivot rule, options and listener. */
    @FunctionalInterface
    @ProviderType // implemented by solver methods, which pass it to conclude
    interface Walker {
        /**
         * Minimises {@code program} from {@code start}; the steps are reported as stage {@code stage}.
         * Never throws for numerical trouble: that is a status.
         */
        SolveResult walk(String stage, ReluProgram program, double[] start);
    }

    /**
     * Measures of a solution beyond its objective, by name, for the run's {@code evaluation} in
     * results.json: the loss on held-out validation rows, say. The default: none.
     *
     * @since 2.0
     */
    default Map<String, Double> evaluate(double[] solution) {
        return Map.of();
    }

    /**
     * The coefficient table of a solution, with the inference the model's parameters ask for
     * (standard errors, intervals), for results.json, summary.csv and the printed summary. Called
     * after {@link #conclude}, for a result that is neither FAILED nor INTERRUPTED (a stopped run is
     * recorded at once), before {@link #writeArtifacts}. The
     * default: none (a model without named coefficients to report, a network).
     *
     * @since 2.1
     */
    default Optional<CoefficientTable> coefficients(SolveResult result) {
        return Optional.empty();
    }

    /**
     * New data as this problem's linear predictor sees it, coded exactly as its training data was
     * (the same columns, dummy levels and reference levels, interactions), for prediction:
     * row-major {@code data.rows() x parameterNames().size()}, so that the fitted value of row i is
     * that row times the solution. The default: empty, for a model whose prediction is not linear
     * in its parameters (a network).
     *
     * @throws IllegalArgumentException for data the coding cannot take (a column missing, a level
     *                                  not seen in training), naming the column and the row
     * @since 2.1
     */
    default Optional<double[]> design(Dataset data) {
        return Optional.empty();
    }
}
