package org.drlp.compare;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What is compared: a cost per run, smaller is better.
 *
 * @param name   as on the command line and in file names: {@code seconds}, {@code pivots}
 * @param shift  added to every value before the geometric mean is taken and subtracted after it, so
 *               that the many tiny values do not dominate the mean (see {@link ShiftedGeometricMean})
 * @param floor  values are raised to at least this before ratios are taken: a solve of 0 pivots, or
 *               one too fast for the clock, would otherwise make every other ratio infinite
 */
public record Measure(String name, String unit, double shift, double floor) {

    /** Solve time; a shift of 1 s, the convention of the MIP and LP benchmark literature. */
    public static final Measure SECONDS = new Measure("seconds", "s", 1.0, 1e-6);
    /** Pivots of the walk (all stages); a shift of 10 pivots. */
    public static final Measure PIVOTS = new Measure("pivots", "pivots", 10.0, 1.0);

    public static final List<Measure> KNOWN = List.of(SECONDS, PIVOTS);

    /** @throws IllegalArgumentException naming the known measures */
    public static Measure named(String name) {
        for (Measure measure : KNOWN) {
            if (measure.name().equals(name)) return measure;
        }
        throw new IllegalArgumentException("unknown measure \"" + name + "\"; known: "
                + KNOWN.stream().map(Measure::name).collect(Collectors.joining(", ")));
    }
}
