package org.drlp.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PluginRole;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * A model's contract: the problem it builds has a start and a name per input of its program; the
 * program keeps the {@link ProgramContract} around the start; the workbench's vertex walk ends on it
 * certified (OPTIMAL on a convex program, LOCAL_MINIMUM otherwise), at an objective that a fresh
 * {@code reset} at the end point recomputes; and on a convex separable program at the minimum of
 * the {@link LpOracle}. A program without an oracle whose minimum may be unbounded below (a
 * network's argmin) is checked with {@code unboundedAllowed}: the walk may then also end UNBOUNDED,
 * a claim the kit cannot confirm.
 */
public final class ModelContract {

    private ModelContract() {
    }

    /**
     * Builds and checks the model on random regression data sets ({@link RandomData#regression}) of
     * 6 to 20 rows and 1 to 3 features, {@code problems} of them.
     */
    public static void checkOnRandomData(ModelProvider provider, Map<String, ?> parameters, PiecewiseLinearLoss loss,
                                         int problems) throws IOException {
        for (int k = 0; k < problems; k++) {
            Dataset data = RandomData.regression(1000 + k, 6 + (k * 7) % 15, 1 + k % 3);
            check(provider, parameters, null, data, loss);
        }
    }

    /**
     * Builds the model from the data and loss as a run would, with the parameters a spec would give
     * (relative paths resolved against {@code directory}; may be null), and checks the problem.
     */
    public static void check(ModelProvider provider, Map<String, ?> parameters, Path directory, Dataset data,
                             PiecewiseLinearLoss loss) throws IOException {
        check(provider, parameters, directory, data, loss, false);
    }

    /** As {@link #check(ModelProvider, Map, Path, Dataset, PiecewiseLinearLoss)}; see the class comment. */
    public static void check(ModelProvider provider, Map<String, ?> parameters, Path directory, Dataset data,
                             PiecewiseLinearLoss loss, boolean unboundedAllowed) throws IOException {
        Contracts.checkDeclarations(PluginRole.MODEL, provider);
        String owner = PluginRole.MODEL.owner(provider.name()) + (data == null ? "" : " on " + data.source());
        Parameters resolved = Parameters.resolve(PluginRole.MODEL.owner(provider.name()), provider.parameters(),
                parameters, directory);
        Problem problem = provider.build(data, loss, resolved);
        if (problem == null) Contracts.fail(owner + ": build returned null");
        check(owner, problem, unboundedAllowed);
    }

    /** Checks a problem however it was built; {@code owner} names it in messages. */
    public static void check(String owner, Problem problem, boolean unboundedAllowed) {
        ReluProgram program = problem.program();
        if (program == null) Contracts.fail(owner + ": the problem has no program");
        int n = program.dimension();
        double[] start = problem.start();
        if (start == null || start.length != n) {
            Contracts.fail(owner + ": start() has length " + (start == null ? "null" : start.length)
                    + " but the program's dimension is " + n);
        }
        if (problem.parameterNames().size() != n) {
            Contracts.fail(owner + ": " + problem.parameterNames().size() + " parameter names for a program of dimension "
                    + n);
        }
        double radius = 1;
        for (double s : start) radius = Math.max(radius, Math.abs(s));
        ProgramContract.check(owner, program, start.clone(), radius);
        checkCertified(owner, program, start.clone(), unboundedAllowed);
    }

    /** Walks the program from {@code start} with the vertex walk and checks how it ends. */
    public static SolveResult checkCertified(String owner, ReluProgram program, double[] start,
                                             boolean unboundedAllowed) {
        SolveResult result = new VertexWalkSolver().solve(program, start, ModelContract::steepest,
                SolverOptions.defaults(), StepListener.NONE);
        SolveStatus expected = program.isConvex() ? SolveStatus.OPTIMAL : SolveStatus.LOCAL_MINIMUM;
        double oracle = program instanceof SeparableProgram && program.isConvex()
                ? LpOracle.minimum((SeparableProgram) program) : Double.NaN;
        if (oracle == Double.NEGATIVE_INFINITY) {
            if (result.status() != SolveStatus.UNBOUNDED) {
                Contracts.fail(owner + ": the LP oracle finds the program unbounded, the walk ended " + result.status()
                        + " (" + result.message() + ")");
            }
            return result;
        }
        if (result.status() == SolveStatus.UNBOUNDED && unboundedAllowed && Double.isNaN(oracle)) return result;
        if (result.status() != expected) {
            Contracts.fail(owner + ": the vertex walk ended " + result.status() + ", expected " + expected
                    + (result.message().isEmpty() ? "" : " (" + result.message() + ")"));
        }
        program.reset(result.point());
        double recomputed = program.value();
        if (!Contracts.close(recomputed, result.objective(), 1e-8)) {
            Contracts.fail(owner + ": the walk reports the objective " + result.objective() + " at "
                    + Arrays.toString(result.point()) + " but a reset there gives " + recomputed);
        }
        if (!Double.isNaN(oracle) && !Contracts.close(result.objective(), oracle, 1e-6)) {
            Contracts.fail(owner + ": the walk ended OPTIMAL at " + result.objective()
                    + " but the LP oracle's minimum is " + oracle);
        }
        return result;
    }

    /** The most negative improving slope, the kit's own (it cannot use the pivot rules it checks). */
    private static int steepest(org.drlp.spi.EdgeView edges) {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.slope(e) < edges.slope(best))) best = e;
        }
        return best;
    }
}
