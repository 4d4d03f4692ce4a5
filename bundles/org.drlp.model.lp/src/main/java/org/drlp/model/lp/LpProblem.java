package org.drlp.model.lp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStage;
import org.drlp.api.SolveStatus;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;

/**
 * A linear program solved through its exact penalty ({@link PenaltyProgram}). The first walk is of
 * the penalty with the starting weight M; {@link #conclude} then decides:
 * <ul>
 * <li>the walk's minimum is feasible: it minimises c . x over the feasible set too (there the penalty
 *     is c . x), so it is the LP optimum: OPTIMAL, with the walk's dual as the LP's dual;</li>
 * <li>it is infeasible: the minimal total violation (a walk of {@link PenaltyProgram#feasibility})
 *     decides: above zero, INFEASIBLE (that walk's certificate proves the minimum); zero, M was too
 *     small: M times 10 and walk on from the feasible point;</li>
 * <li>the penalty is unbounded: a walk of {@link PenaltyProgram#ray} looks for a direction the
 *     constraints allow along which the objective falls. Found and the LP feasible: UNBOUNDED (a
 *     feasible point and the ray prove it); found and infeasible: INFEASIBLE; not found: M was too
 *     small, times 10, walk on;</li>
 * <li>any other end (a limit, a numerical failure) is reported as it is.</li>
 * </ul>
 * A feasible minimum must also close the duality gap ({@link Gap}: stationarity, and the dual's
 * objective {@code -sum lambda_j b_j} equal to {@code c . x}, each to {@value #GAP_TOLERANCE}
 * relative). A large M makes the walk's tolerances, which scale with the slopes, blunt; M is then
 * lowered to just above the largest multiplier (a thousandth of M when one is at M) and the walk goes
 * on. A walk ending NUMERICAL_FAILURE is restarted once from its point. At most
 * {@value #MAX_ROUNDS} walks of the penalty after the first; then NUMERICAL_FAILURE. Stateful: one instance per run (the artifact writes the last dual).
 */
final class LpProblem implements Problem {

    /** Walks of the penalty after the first (M raised, lowered, or a restart) before giving up. */
    static final int MAX_ROUNDS = 10;
    private static final double RAISE = 10;
    /** The duality gap, relative to 1 + |c . x|, that certifies a feasible minimum. */
    static final double GAP_TOLERANCE = 1e-8;

    private final LinearProgram lp;
    private final double startPenalty;
    private final double feasibilityTolerance;
    private final PenaltyProgram first;
    private Solution solution;

    LpProblem(LinearProgram lp, double startPenalty, double feasibilityTolerance) {
        this.lp = lp;
        this.startPenalty = startPenalty;
        this.feasibilityTolerance = feasibilityTolerance;
        this.first = PenaltyProgram.penalty(lp, startPenalty);
    }

    /**
     * M from the data: ten times the largest |c_j|, at least 10, rounded up to a power of two (so that
     * M times a slope stays exact). Raised while the penalty is not exact, lowered to just above the
     * largest multiplier when a minimum's duality gap shows M blunted the walk's tolerances.
     */
    static double defaultPenalty(LinearProgram lp) {
        double cost = 0;
        for (double c : lp.cost()) cost = Math.max(cost, Math.abs(c));
        return powerOfTwoAbove(10 * Math.max(1, cost));
    }

    private static double powerOfTwoAbove(double value) {
        return Math.scalb(1.0, Math.getExponent(value) + 1);
    }

    LinearProgram linearProgram() {
        return lp;
    }

    /** The outcome of the last {@link #conclude}, null before. */
    Solution solution() {
        return solution;
    }

    @Override
    public ReluProgram program() {
        return first;
    }

    @Override
    public double[] start() {
        double[] x = new double[lp.columns()];
        for (int c = 0; c < x.length; c++) x[c] = Math.min(Math.max(0, lp.columnLower()[c]), lp.columnUpper()[c]);
        return x;
    }

    @Override
    public List<String> parameterNames() {
        return lp.columnNames();
    }

    @Override
    public SolveResult conclude(SolveResult result, Walker walker) {
        Walks walks = new Walks(result);
        double m = startPenalty;
        PenaltyProgram program = first;
        SolveResult walk = result;
        boolean feasible = false;
        boolean restarted = false;
        boolean noRay = false; // the ray program does not depend on M: once none is found, none exists
        for (int round = 1; ; round++) {
            double[] from = walk.point();
            if (walk.status() == SolveStatus.OPTIMAL && isFeasible(from)) {
                Gap gap = Gap.of(lp, program, walk);
                if (gap.closed(GAP_TOLERANCE)) return optimal(walks, walk, program, m, gap);
                // a feasible minimum whose dual does not close the gap: M, far above the multipliers,
                // blunted the walk's tolerances; walk on with M just above them (or, when one multiplier
                // is at M, a thousandth of it: such a dual is an artefact of the blunted walk too)
                double lower = powerOfTwoAbove(4 * Math.max(1, gap.largestMultiplier()));
                if (lower >= m) lower = Math.max(1, powerOfTwoAbove(m / 1024));
                if (lower >= m || round > MAX_ROUNDS) {
                    return walks.end(SolveStatus.NUMERICAL_FAILURE, lp.objective(from), from, walk.certificate(),
                            String.format(Locale.ROOT, "a feasible minimum of the penalty (M = %s) whose dual leaves "
                                    + "a relative duality gap of %.3g", format(m), gap.relative()));
                }
                m = lower;
            } else if (walk.status() == SolveStatus.OPTIMAL || walk.status() == SolveStatus.UNBOUNDED) {
                if (walk.status() == SolveStatus.UNBOUNDED && !noRay) {
                    SolveResult ray = walks.add(walker.walk("ray", PenaltyProgram.ray(lp), new double[lp.columns()]));
                    if (isRay(ray)) return unboundedOrInfeasible(walks, walker, feasible, from, m);
                    noRay = true;
                }
                // an infeasible minimum, or a penalty unbounded along no ray of the LP: M is too small
                if (!feasible) {
                    SolveResult phase1 = walks.add(walker.walk("phase-1", PenaltyProgram.feasibility(lp), from));
                    if (phase1.status() != SolveStatus.OPTIMAL) {
                        return other(walks, phase1, "the feasibility walk ended " + phase1.status());
                    }
                    if (!isFeasible(phase1.point())) return infeasible(walks, phase1);
                    feasible = true;
                    from = phase1.point();
                }
                if (round > MAX_ROUNDS) {
                    return walks.end(SolveStatus.NUMERICAL_FAILURE, lp.objective(from), from, null,
                            "the LP is feasible but its penalty was not exact up to M = " + format(m) + " ("
                                    + MAX_ROUNDS + " rounds); last walk " + walk.status());
                }
                m *= RAISE;
            } else if (walk.status() == SolveStatus.NUMERICAL_FAILURE && !restarted && isPoint(from)) {
                restarted = true; // once: a fresh basis from near the point reached, off its degenerate vertex
                from = perturbed(from);
            } else {
                return other(walks, walk, "the walk of the penalty (M = " + format(m) + ") ended " + walk.status());
            }
            program = PenaltyProgram.penalty(lp, m);
            walk = walks.add(walker.walk("penalty-" + (round + 1), program, from));
        }
    }

    private SolveResult unboundedOrInfeasible(Walks walks, Walker walker, boolean feasible, double[] from, double m) {
        if (feasible) return unbounded(walks, from, m);
        SolveResult phase1 = walks.add(walker.walk("phase-1", PenaltyProgram.feasibility(lp), from));
        if (phase1.status() != SolveStatus.OPTIMAL) {
            return other(walks, phase1, "the penalty is unbounded along a ray of the LP, but the feasibility walk "
                    + "ended " + phase1.status());
        }
        return isFeasible(phase1.point()) ? unbounded(walks, phase1.point(), m) : infeasible(walks, phase1);
    }

    /** x moved by up to 1e-3 (1 + |x_c|) per coordinate, pseudo-randomly but reproducibly. */
    private static double[] perturbed(double[] x) {
        SplittableRandom random = new SplittableRandom(x.length);
        double[] moved = x.clone();
        for (int c = 0; c < moved.length; c++) moved[c] += 1e-3 * (1 + Math.abs(moved[c])) * random.nextDouble(-1, 1);
        return moved;
    }

    private boolean isPoint(double[] x) {
        if (x == null || x.length != lp.columns()) return false;
        for (double v : x) {
            if (!Double.isFinite(v)) return false;
        }
        return true;
    }

    private boolean isFeasible(double[] x) {
        return isPoint(x) && lp.maxRelativeViolation(x) <= feasibilityTolerance;
    }

    /** The ray walk reached 0: a direction d of the recession cone with s c . d = -1, checked on the data. */
    private boolean isRay(SolveResult ray) {
        if (ray.status() != SolveStatus.OPTIMAL) return false;
        double[] d = ray.point();
        double slope = 0, size = 0;
        for (int c = 0; c < d.length; c++) {
            slope += lp.cost()[c] * d[c];
            size += Math.abs(lp.cost()[c] * d[c]);
        }
        if (lp.maximise()) slope = -slope;
        return slope < -0.5 && ray.objective() <= feasibilityTolerance * (1 + size) && recessionViolation(d) <= feasibilityTolerance;
    }

    /** Largest relative violation of the recession cone's constraints by d (every finite side at 0). */
    private double recessionViolation(double[] d) {
        double worst = 0;
        for (int i = 0; i < lp.rows(); i++) {
            double s = 0, size = 1e-300;
            for (int e = lp.rowStart()[i]; e < lp.rowStart()[i + 1]; e++) {
                double term = lp.entryValue()[e] * d[lp.entryColumn()[e]];
                s += term;
                size += Math.abs(term);
            }
            if (Double.isFinite(lp.rowUpper()[i]) && s > 0) worst = Math.max(worst, s / (1 + size));
            if (Double.isFinite(lp.rowLower()[i]) && s < 0) worst = Math.max(worst, -s / (1 + size));
        }
        for (int c = 0; c < lp.columns(); c++) {
            if (Double.isFinite(lp.columnUpper()[c]) && d[c] > 0) worst = Math.max(worst, d[c] / (1 + Math.abs(d[c])));
            if (Double.isFinite(lp.columnLower()[c]) && d[c] < 0) worst = Math.max(worst, -d[c] / (1 + Math.abs(d[c])));
        }
        return worst;
    }

    private SolveResult optimal(Walks walks, SolveResult walk, PenaltyProgram program, double m, Gap gap) {
        Certificate certificate = walk.certificate();
        Duals duals = Duals.of(lp, program, Gap.feasibleMultipliers(program, certificate.dual()));
        solution = new Solution(SolveStatus.OPTIMAL, walk.point(), duals);
        String message = String.format(Locale.ROOT, "LP optimum: penalty M = %s, largest multiplier %.3g M, relative "
                + "duality gap %.2g", format(m), duals.largestMultiplier() / m, gap.relative())
                + (walks.count() > 1 ? "; " + walks.count() + " walks" : "") + integersNote();
        return walks.end(SolveStatus.OPTIMAL, lp.objective(walk.point()), walk.point(), certificate, message);
    }

    private SolveResult infeasible(Walks walks, SolveResult phase1) {
        solution = new Solution(SolveStatus.INFEASIBLE, phase1.point(), null);
        String message = String.format(Locale.ROOT, "no feasible point: the minimal total violation is %.6g "
                + "(certified by the feasibility walk), largest relative violation %.3g", phase1.objective(),
                lp.maxRelativeViolation(phase1.point())) + integersNote();
        return walks.end(SolveStatus.INFEASIBLE, lp.objective(phase1.point()), phase1.point(), phase1.certificate(),
                message);
    }

    private SolveResult unbounded(Walks walks, double[] point, double m) {
        solution = new Solution(SolveStatus.UNBOUNDED, point, null);
        String message = "unbounded: a feasible point and a ray d of the constraints' recession cone with "
                + (lp.maximise() ? "c . d = 1" : "c . d = -1") + " (penalty unbounded at M = " + format(m) + ")"
                + integersNote();
        return walks.end(SolveStatus.UNBOUNDED, lp.objective(point), point, null, message);
    }

    private SolveResult other(Walks walks, SolveResult walk, String why) {
        double[] x = walk.point();
        boolean usable = x != null && x.length == lp.columns();
        solution = usable ? new Solution(walk.status(), x, null) : null;
        String violation = usable ? String.format(Locale.ROOT, "; the point's largest relative violation %.3g",
                lp.maxRelativeViolation(x)) : "";
        String message = why + (walk.message() == null || walk.message().isEmpty() ? "" : ": " + walk.message())
                + violation;
        return walks.end(walk.status(), usable ? lp.objective(x) : Double.NaN, usable ? x : new double[0],
                walk.certificate(), message);
    }

    private String integersNote() {
        return lp.integerColumns().isEmpty() ? ""
                : "; the LP relaxation: " + lp.integerColumns().size() + " integer columns relaxed";
    }

    static String format(double m) {
        return String.format(Locale.ROOT, "%.6g", m);
    }

    @Override
    public void writeArtifacts(double[] point, Path runDirectory) throws IOException {
        if (point == null || point.length != lp.columns()) return;
        Duals duals = solution != null && solution.point() == point ? solution.duals() : null;
        SolutionCsv.write(lp, point, duals, runDirectory.resolve(SolutionCsv.FILE));
    }

    /** The end of a conclude: status, point, and the duals when OPTIMAL. */
    record Solution(SolveStatus status, double[] point, Duals duals) {
    }

    /** The walks of one solve, their counters summed. */
    private static final class Walks {
        private final List<SolveResult> results = new ArrayList<>();

        Walks(SolveResult first) {
            results.add(first);
        }

        SolveResult add(SolveResult result) {
            results.add(result);
            return result;
        }

        int count() {
            return results.size();
        }

        SolveResult end(SolveStatus status, double objective, double[] point, Certificate certificate, String message) {
            long iterations = 0, regionChanges = 0;
            double seconds = 0;
            List<SolveStage> stages = new ArrayList<>();
            for (SolveResult r : results) {
                iterations += r.iterations();
                regionChanges += r.regionChanges();
                seconds += r.seconds();
                stages.addAll(r.stages());
            }
            return new SolveResult(status, objective, point, iterations, regionChanges, seconds, certificate, message,
                    stages);
        }
    }
}
