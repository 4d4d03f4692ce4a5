package org.drlp.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an experiment left behind: enough to print a comparison table of its runs.
 *
 * @param outputDirectory  where results.json, summary.csv, traces and plots were written
 * @param runs             one line per run, in sweep order
 * @param sweptPaths       the swept dotted paths in spec order (the keys of each run's {@code sweep})
 *                         (since 1.1)
 */
public record ExperimentSummary(String name, Path outputDirectory, List<Run> runs, List<String> sweptPaths) {

    public ExperimentSummary {
        runs = List.copyOf(runs);
        sweptPaths = List.copyOf(sweptPaths);
    }

    /** The 1.0 constructor, kept so that code compiled against 1.0 still links: no swept paths. */
    public ExperimentSummary(String name, Path outputDirectory, List<Run> runs) {
        this(name, outputDirectory, runs, List.of());
    }

    /**
     * One finished run.
     *
     * @param label          the index and swept values, for example {@code 003 loss.tau=0.5 solver.pivot=dantzig}
     * @param index          0-based position in the sweep (since 1.1)
     * @param sweep          swept path to its value at this run, as text (strings bare, other values
     *                       as JSON), in spec order (since 1.1)
     * @param repeat         0-based repeat of the sweep point (since 1.1)
     * @param regionChanges  neurons flipped during the solve (since 1.1)
     * @param coefficients   the model's coefficient table with its inference
     *                       ({@link org.drlp.spi.Problem#coefficients}); null when the model reports
     *                       none or the run failed (since 2.3)
     */
    public record Run(String label, SolveStatus status, double objective, long iterations, double seconds,
                      String message, int index, Map<String, String> sweep, int repeat, long regionChanges,
                      CoefficientTable coefficients) {

        /**
         * How the experiment service's watchdog ends the message of a run whose plugin did not
         * return in time (status TIME_LIMIT): not a limit the solver honoured, a plugin that hung.
         *
         * @since 2.0
         */
        public static final String ABANDONED = "abandoned";

        public Run {
            sweep = Collections.unmodifiableMap(new LinkedHashMap<>(sweep)); // Map.copyOf would lose the order
        }

        /**
         * True when a run that ended so gives no usable minimum: FAILED, NUMERICAL_FAILURE,
         * UNBOUNDED, INFEASIBLE, or abandoned by the watchdog (TIME_LIMIT with a message ending
         * {@value #ABANDONED}). A run at a limit the spec set, or COMPLETED, has not failed.
         *
         * @since 2.0
         */
        public static boolean isFailure(SolveStatus status, String message) {
            return switch (status) {
                case FAILED, NUMERICAL_FAILURE, UNBOUNDED, INFEASIBLE -> true;
                case TIME_LIMIT, ITERATION_LIMIT -> message != null && message.endsWith(ABANDONED);
                default -> false;
            };
        }

        /** The 1.1 constructor, kept so that code compiled against it still links: no coefficient table. */
        public Run(String label, SolveStatus status, double objective, long iterations, double seconds,
                   String message, int index, Map<String, String> sweep, int repeat, long regionChanges) {
            this(label, status, objective, iterations, seconds, message, index, sweep, repeat, regionChanges, null);
        }

        /** {@link #isFailure} of this run. @since 2.0 */
        public boolean failed() {
            return isFailure(status, message);
        }

        /** The 1.0 constructor, kept so that code compiled against 1.0 still links: index -1, nothing swept. */
        public Run(String label, SolveStatus status, double objective, long iterations, double seconds,
                   String message) {
            this(label, status, objective, iterations, seconds, message, -1, Map.of(), 0, 0);
        }
    }

    /**
     * The runs that give no usable minimum ({@link Run#failed()}); before 2.0 only FAILED and
     * NUMERICAL_FAILURE runs counted.
     */
    public long failures() {
        return runs.stream().filter(Run::failed).count();
    }
}
