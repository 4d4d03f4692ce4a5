package org.drlp.kernel.presolve;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.api.SolveStatus;
import org.drlp.kernel.degeneracy.KinkBalance;
import org.drlp.spi.PresolveProvider;
import org.drlp.spi.Presolver;
import org.drlp.spi.ProblemForm;
import org.drlp.spi.SeparableProgram;
import org.drlp.spi.SubproblemWalks;
import org.drlp.spi.WarmStart;
import org.osgi.service.component.annotations.Component;

/**
 * Presolve {@code portnoy-koenker}, the default: Portnoy and Koenker's preprocessing ("The Gaussian hare and the Laplacian tortoise", 1997) for
 * convex separable programs with many rows, as a way to find a good starting basis:
 *
 * <ol>
 * <li>solve a random subsample of m = sqrt(p) N^(2/3) rows exactly (recursively, by the same method);</li>
 * <li>at its solution keep the band of rows whose residuals are nearest to the fit and fold every
 *     other neuron into the linear part on the side it is on (Koenker's "globs");</li>
 * <li>solve that reduced program from the subsample's basis; while folded neurons come out on the
 *     wrong side (or on their kink), put their rows into the band and solve again (a bounded number
 *     of rounds);</li>
 * <li>finish with the vertex walk on the full program, warm started from the last basis: it prices
 *     every edge of the full program, walks on if it must, and ends with the full program's own
 *     certificate. The presolve only chooses where the walk starts, never what it certifies.</li>
 * </ol>
 *
 * Any stage that does not end OPTIMAL with a basis of neurons makes the solver fall back to the next
 * best start (the last good basis, or the plain walk from the given start). It presolves programs
 * of at least {@code minRows} rows whose subsample is at most half of them; {@code force} drops the
 * second condition (a subsample of at least half the rows, for tests on small programs).
 */
@Component(service = PresolveProvider.class, property = "name=" + PortnoyKoenker.NAME)
public final class PortnoyKoenker implements PresolveProvider {

    public static final String NAME = "portnoy-koenker";
    /** Programs with at least this many rows are presolved by default. */
    public static final int AUTO_MIN_ROWS = 5000;

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("minRows", (long) AUTO_MIN_ROWS, "presolve programs with at least this many rows")
                    .withRange(0, false, Integer.MAX_VALUE, false),
            ParameterSpec.bool("force", false,
                    "presolve even when the subsample is more than half the rows (small programs, tests)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "convex separable programs with many rows: solve a subsample, then the band of rows near its fit "
                + "with the rest folded in, then walk the full program from that basis (Portnoy-Koenker)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * Every form: as the default of every walk it must not make a network's spec invalid; on
     * anything but a convex separable program of {@code minRows} rows it does nothing.
     */
    @Override
    public Set<ProblemForm> acceptedForms() {
        return EnumSet.allOf(ProblemForm.class);
    }

    @Override
    public Presolver create(Parameters parameters) {
        return new Run(parameters.intValue("minRows"), parameters.bool("force"), null, "");
    }

    /** One presolve (of a program, or recursively of its subsample). */
    static final class Run implements Presolver {
        /** Repair rounds before the final walk starts from whatever basis the last round gave. */
        static final int MAX_ROUNDS = 6;
        private static final long SEED = 20201130L;

        private final int minRows;
        private final boolean force;
        private SubproblemWalks walks;
        /** Prefix of this presolve's stage names: empty, or {@code subsample/} for the presolve of a subsample. */
        private final String stagePrefix;
        private long pivots;
        private int subsampleRows;
        private int bandRows;
        private int rounds;
        private int repairedRows;
        /** Neurons at their kink at the subsample's fit, whose sides {@link #balanceKinks} chose. */
        private int kinkNeurons;
        private int depth;
        private long subsampleNanos;
        private long reducedNanos;
        private long reducedPivots;
        /** Status of a reduced solve that did not end OPTIMAL with a basis of neurons, or null. */
        private String reducedTrouble;
        private String lastTrouble;

        Run(int minRows, boolean force, SubproblemWalks walks, String stagePrefix) {
            this.minRows = minRows;
            this.force = force;
            this.walks = walks;
            this.stagePrefix = stagePrefix;
        }

        @Override
        public boolean applies(SeparableProgram program) {
            if (!program.isConvex() || program.rowCount() < 1 || program.rowCount() < minRows) return false;
            for (int j = 0; j < program.neuronCount(); j++) {
                if (program.highSlope(j) < program.lowSlope(j)) return false;
            }
            return force || sampleSize(program, false) <= program.rowCount() / 2;
        }

        @Override
        public WarmStart presolve(SeparableProgram program, WarmStart given, SubproblemWalks walks) {
            this.walks = walks;
            Start start = start(program, given.point());
            if (start == null) return null;
            return new WarmStart(start.point, start.basis, start.sides, describe());
        }

        private String describe() {
            // plain concatenation: String.format would load and warm up Formatter inside the timed solve
            return "presolve: subsample of " + subsampleRows + " rows (" + (pivots - reducedPivots) + " pivots"
                    + (depth > 1 ? ", itself presolved, " : ", ") + seconds(subsampleNanos) + " s), "
                    + (kinkNeurons == 0 ? "" : kinkNeurons + " neurons at their kink given balanced sides, ")
                    + "band of " + bandRows + " rows with the rest folded in, " + rounds + " reduced solve(s) adding "
                    + repairedRows + " rows (" + reducedPivots + " pivots, " + seconds(reducedNanos) + " s"
                    + (reducedTrouble == null ? "" : "; the last ended " + reducedTrouble
                            + ", so the final walk starts from the basis before it") + ")";
        }

        /** Nanoseconds as seconds with three decimals. */
        static String seconds(long nanos) {
            long millis = Math.round(nanos * 1e-6);
            String fraction = Long.toString(1000 + millis % 1000).substring(1);
            return millis / 1000 + "." + fraction;
        }

        /** Point, critical set and pattern to start the next walk from. */
        private record Start(double[] point, int[] basis, boolean[] sides) {
        }

        /** Solve of a sub-program: its end point and basis (in its own neuron numbers), or null. */
        private Start solveSub(String stage, SeparableProgram program, double[] x0, int[] warm, boolean[] warmSides,
                               boolean mayPresolve) {
            if (mayPresolve) {
                // a large subsample is presolved in turn, never forced
                Run inner = new Run(Math.max(minRows, AUTO_MIN_ROWS), false, walks, stage + "/");
                if (inner.applies(program)) {
                    Start start = inner.start(program, x0);
                    pivots += inner.pivots;
                    depth = Math.max(depth, inner.depth + 1);
                    if (start != null) {
                        warm = start.basis;
                        warmSides = start.sides;
                        x0 = start.point;
                    }
                }
            }
            if (walks.exhausted()) return null;
            SubproblemWalks.Solved result = walks.walk(stage, program, new WarmStart(x0, warm, warmSides, ""));
            pivots += result.pivots();
            if (result.status() != SolveStatus.OPTIMAL) {
                lastTrouble = result.status().toString();
                return null;
            }
            for (int c : result.basis()) {
                if (c < 0) {
                    lastTrouble = "with a free direction in its basis";
                    return null;
                }
            }
            return new Start(result.point(), result.basis(), result.sides());
        }

        private int sampleSize(SeparableProgram program, boolean forced) {
            int rows = program.rowCount();
            int p = program.dimension();
            double formula = Math.ceil(Math.sqrt(p) * Math.pow(rows, 2.0 / 3.0));
            int m = (int) Math.min(rows, Math.max(formula, 4.0 * p));
            if (forced && m > rows / 2) m = Math.min(rows, Math.max(rows / 2, 2 * p + 1));
            return m;
        }

        /** Stages 1 to 3: a basis of the full program's neurons at a point near its optimum, or null. */
        private Start start(SeparableProgram program, double[] x0) {
            depth = 1;
            int rows = program.rowCount();
            int k = program.neuronsPerRow();
            int m = sampleSize(program, force);
            int[] sample = sample(rows, m, new Random(SEED ^ rows));
            subsampleRows = m;
            long started = System.nanoTime();
            Start sub = solveSub(stagePrefix + "subsample", program.restrict(sample, null), x0, null, null, true);
            subsampleNanos = System.nanoTime() - started;
            if (sub == null) return null;
            long pivotsBefore = pivots;
            started = System.nanoTime();
            int[] basis = mapBasis(sub.basis, sample, k);
            double[] point = sub.point;

            // the band: rows whose residuals at the subsample's solution are nearest to a kink
            program.reset(point);
            double[] z = program.preactivations();
            boolean[] side = program.highSide().clone();
            kinkNeurons = balanceKinks(program, basis, side);
            double[] distance = new double[rows];
            for (int i = 0; i < rows; i++) {
                double d = Double.POSITIVE_INFINITY;
                for (int q = 0, j = i * k; q < k; q++, j++) d = Math.min(d, Math.abs(z[j]));
                distance[i] = d;
            }
            // a loss with k kinks per row has k boundaries to straddle: a wider band (k = 2: 1.5 m rows)
            int band = (int) Math.min(rows, (long) m * (k + 1) / 2);
            double threshold = select(distance.clone(), band - 1);
            boolean[] keep = new boolean[rows];
            int kept = 0;
            for (int i = 0; i < rows; i++) {
                if (distance[i] < threshold) {
                    keep[i] = true;
                    kept++;
                }
            }
            // exactly `band` rows: on an exact fit every distance ties at 0, and keeping all of them would
            // leave the whole degenerate vertex to the final walk
            for (int i = 0; i < rows && kept < band; i++) {
                if (distance[i] == threshold) {
                    keep[i] = true;
                    kept++;
                }
            }
            for (int c : basis) {
                if (!keep[c / k]) {
                    keep[c / k] = true;
                    kept++;
                }
            }
            bandRows = kept;
            if (kept > rows / 2 && !force) {
                rounds = 0;
                reducedNanos = System.nanoTime() - started;
                return new Start(point, basis, side);
            }

            double tolerance = walks.tolerance();
            for (rounds = 1; rounds <= MAX_ROUNDS; rounds++) {
                int[] rowsKept = indices(keep, kept);
                SeparableProgram reduced = program.restrict(rowsKept, side);
                int[] warm = toReduced(basis, rowsKept, k, rows);
                Start solved = solveSub(stagePrefix + "band-" + rounds, reduced, point, warm, keptSides(side, rowsKept, k),
                        false);
                if (solved == null) {
                    rounds--;
                    reducedTrouble = lastTrouble;
                    break;
                }
                basis = mapBasis(solved.basis, rowsKept, k);
                point = solved.point;
                for (int r = 0; r < rowsKept.length; r++) {
                    System.arraycopy(solved.sides, r * k, side, rowsKept[r] * k, k);
                }
                // every folded neuron must be on its assumed side at the reduced optimum, or at its kink
                // (where the final walk gives it that side)
                program.reset(point);
                z = program.preactivations();
                int wrong = 0;
                for (int i = 0; i < rows; i++) {
                    if (keep[i]) continue;
                    for (int q = 0, j = i * k; q < k; q++, j++) {
                        if ((side[j] ? z[j] < 0 : z[j] > 0) && Math.abs(z[j]) > tolerance * program.scale(j)) {
                            keep[i] = true;
                            kept++;
                            wrong++;
                            break;
                        }
                    }
                }
                repairedRows += wrong;
                if (wrong == 0) break;
            }
            if (rounds > MAX_ROUNDS) rounds = MAX_ROUNDS;
            reducedPivots = pivots - pivotsBefore;
            reducedNanos = System.nanoTime() - started;
            return new Start(point, basis, side);
        }

        /**
         * Sides for the neurons at their kink at the subsample's fit (|z| within the tolerance, not in the
         * basis), from {@link KinkBalance}: they are folded into the reduced program, and carried into
         * the warm starts, on those sides.
         *
         * @return how many neurons were at their kink
         */
        private int balanceKinks(SeparableProgram program, int[] basis, boolean[] side) {
            int m = program.neuronCount();
            double[] z = program.preactivations();
            double tolerance = walks.tolerance();
            boolean[] atKink = new boolean[m];
            boolean[] inBasis = new boolean[m];
            for (int c : basis) inBasis[c] = true;
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (!inBasis[j] && Math.abs(z[j]) <= tolerance * program.scale(j)) {
                    atKink[j] = true;
                    count++;
                }
            }
            if (count > 0) KinkBalance.balance(program, atKink, inBasis, side);
            return count;
        }

        /** The sides of the kept rows' neurons, in the numbering of the restriction to them. */
        private static boolean[] keptSides(boolean[] side, int[] rowsKept, int k) {
            boolean[] out = new boolean[rowsKept.length * k];
            for (int r = 0; r < rowsKept.length; r++) System.arraycopy(side, rowsKept[r] * k, out, r * k, k);
            return out;
        }

        /**
         * Sorted random subset of m of the rows [0, rows): Floyd's algorithm (m random draws, not one per
         * row), then one scan of the marks.
         */
        static int[] sample(int rows, int m, Random random) {
            boolean[] chosen = new boolean[rows];
            for (int j = rows - m; j < rows; j++) {
                int t = random.nextInt(j + 1);
                if (chosen[t]) chosen[j] = true;
                else chosen[t] = true;
            }
            return indices(chosen, m);
        }

        private static int[] indices(boolean[] keep, int count) {
            int[] out = new int[count];
            int c = 0;
            for (int i = 0; i < keep.length; i++) {
                if (keep[i]) out[c++] = i;
            }
            return out;
        }

        /** Neuron numbers of a restricted program to those of the program it came from. */
        private static int[] mapBasis(int[] basis, int[] rowsKept, int k) {
            int[] out = new int[basis.length];
            for (int b = 0; b < basis.length; b++) out[b] = rowsKept[basis[b] / k] * k + basis[b] % k;
            return out;
        }

        /** Neuron numbers of the full program to those of a restriction that keeps their rows. */
        private static int[] toReduced(int[] basis, int[] rowsKept, int k, int rows) {
            int[] out = new int[basis.length];
            for (int b = 0; b < basis.length; b++) {
                int at = java.util.Arrays.binarySearch(rowsKept, basis[b] / k);
                out[b] = at * k + basis[b] % k;
            }
            return out;
        }

        /** The r-th smallest value (0-based); reorders {@code a}. */
        static double select(double[] a, int r) {
            int lo = 0, hi = a.length - 1;
            Random random = new Random(SEED);
            while (hi > lo) {
                double pivot = a[lo + random.nextInt(hi - lo + 1)];
                int lt = lo, gt = hi, i = lo;
                while (i <= gt) {
                    if (a[i] < pivot) swap(a, lt++, i++);
                    else if (a[i] > pivot) swap(a, i, gt--);
                    else i++;
                }
                if (r < lt) hi = lt - 1;
                else if (r > gt) lo = gt + 1;
                else return pivot;
            }
            return a[r];
        }

        private static void swap(double[] a, int i, int j) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
