package org.drlp.model.lp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * The model {@code lp}: a linear program from a free-format MPS file, solved by the vertex walk
 * through an exact penalty ({@link LpProblem}). It uses no data and no loss.
 */
@Component(service = ModelProvider.class, property = "name=lp")
public final class LpModelProvider implements ModelProvider {

    static final String NAME = "lp";
    private static final String VERTEX_WALK = "vertex-walk";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("file", null, "the linear program, a free-format MPS file"),
            ParameterSpec.real("penalty", null, "starting weight M of the exact penalty; default 10 max(1, max|c|), "
                    + "rounded up to a power of two (raised x10 while the penalty is not exact)")
                    .withRange(0, true, Double.NaN, false).asOptional(),
            ParameterSpec.real("feasibilityTolerance", 1e-9, "largest violation of a row or bound, relative to "
                    + "the size of its terms, of a point counted feasible")
                    .withRange(0, true, 1e-3, false),
            ParameterSpec.string("integers", "reject", "integer columns (MARKER INTORG, BV, LI, UI): reject the "
                    + "file, or relax them to their bounds and solve the LP relaxation")
                    .withChoices("reject", "relax"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a linear program from an MPS file: OPTIMAL (primal and dual by name), INFEASIBLE or UNBOUNDED";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /** The file alone defines the program: a spec needs no data and no loss section. */
    @Override
    public boolean usesDataAndLoss() {
        return false;
    }

    /**
     * The MPS file reads (the whole file: a malformed one is reported before anything runs), and the
     * method is vertex-walk: only it walks on after its first walk ({@link LpProblem#conclude}), so
     * another method would report the penalty's minimum as if it were the LP's.
     */
    @Override
    public void check(Parameters parameters, CheckContext context) {
        context.method().filter(method -> !method.equals(VERTEX_WALK)).ifPresent(method -> context.problem(null,
                "model \"lp\" needs the method \"" + VERTEX_WALK + "\", which walks on from the penalty's minimum "
                        + "to the LP's answer; \"" + method + "\" does not"));
        Path file = parameters.path("file");
        if (Files.isDirectory(file)) {
            context.problem("file", file + ": a directory, not an MPS file");
            return;
        }
        if (!Files.exists(file)) {
            context.problem("file", file + ": no such file");
            return;
        }
        try {
            read(parameters);
        } catch (MpsFormatException e) {
            context.problem("file", e.getMessage());
        } catch (IOException e) {
            context.problem("file", file + ": cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) throws IOException {
        LinearProgram lp = read(parameters);
        double penalty = parameters.has("penalty") ? parameters.real("penalty") : LpProblem.defaultPenalty(lp);
        return new LpProblem(lp, penalty, parameters.real("feasibilityTolerance"));
    }

    private static LinearProgram read(Parameters parameters) throws IOException {
        return MpsReader.read(parameters.path("file"), parameters.string("integers").equals("relax"));
    }
}
