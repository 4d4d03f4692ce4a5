package org.drlp.model.linear;

import java.util.ArrayList;
import java.util.List;

import org.drlp.api.CoefficientTable;

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

    /** Why {@code name} cannot be asked for in this build, or null when it can. */
    static String unavailable(String name) {
        return switch (name) {
            case "rank", "boot" -> "inference \"" + name + "\" is not available in this build";
            default -> null;
        };
    }

    /**
     * The table of {@code fit} by {@code name}.
     *
     * @param given  whether the spec named the method (a default that is unavailable gives estimates
     *               with a note instead of an error)
     */
    static CoefficientTable table(String name, boolean given, QuantileFit fit, double level) {
        String missing = unavailable(name);
        if (missing != null) {
            if (given) throw new IllegalArgumentException(missing);
            return none(fit, List.of(missing + " (the default for fewer than " + RANK_BELOW_ROWS
                    + " rows); estimates only, set model.inference"));
        }
        return switch (name) {
            case "iid" -> SandwichInference.IID.table(fit, level);
            case "nid" -> SandwichInference.NID.table(fit, level);
            case "ker" -> SandwichInference.KER.table(fit, level);
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
