package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.drlp.api.CoefficientTable;
import org.drlp.api.Parameters;
import org.drlp.spi.Solver;

/**
 * The model's parameter {@code inference}: the methods by name, R's default, and the table of a fit.
 */
final class Inferences {

    /** The names {@code inference} takes, as R's {@code summary.rq(se = ...)}. */
    static final List<String> NAMES = List.of("rank", "iid", "nid", "ker", "boot", "none");

    /** summary.rq's default: rank inversion below this many rows, nid from here on. */
    static final int RANK_BELOW_ROWS = 1001;

    private Inferences() {
    }

    /** What an unset {@code inference} means: none without a quantile level, else R's rule by rows. */
    static String defaultFor(int rows, double tau) {
        if (Double.isNaN(tau)) return "none";
        return rows < RANK_BELOW_ROWS ? "rank" : "nid";
    }

    /**
     * The table of {@code fit} by {@code name}.
     *
     * @param parameters  the model's, for the rank inversion's and the bootstrap's own
     * @param solver      the kernel's walk, for the bootstrap's replicates; null where there is none
     */
    static CoefficientTable table(String name, QuantileFit fit, double level, Parameters parameters, Solver solver) {
        return switch (name) {
            case "rank" -> new RankInversion(parameters.bool("rankIid") ? null : QuantileWalk.refits(fit)).table(fit, level);
            case "iid" -> SandwichInference.IID.table(fit, level);
            case "nid" -> SandwichInference.NID.table(fit, level);
            case "ker" -> SandwichInference.KER.table(fit, level);
            case "boot" -> new Bootstrap(new QuantileSolves(solver),
                    Bootstrap.Method.valueOf(parameters.string("bootstrapMethod").toUpperCase(Locale.ROOT)),
                    parameters.intValue("bootstrapReplicates"), parameters.integer("bootstrapSeed")).table(fit, level);
            case "none" -> none(fit, List.of());
            default -> throw new IllegalArgumentException("unknown inference \"" + name + "\"; known: "
                    + String.join(", ", NAMES));
        };
    }

    /** Estimates only. */
    static CoefficientTable none(QuantileFit fit, List<String> notes) {
        List<CoefficientTable.Coefficient> rows = new ArrayList<>();
        for (int c = 0; c < fit.p(); c++) {
            rows.add(new CoefficientTable.Coefficient(fit.names().get(c), fit.coefficients()[c], Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        return new CoefficientTable("none", Double.NaN, "", rows, null, fit.unique(), notes);
    }
}
