package org.drlp.kernel;

import java.util.Arrays;

import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.degeneracy.KinkBalance;
import org.drlp.kernel.linesearch.HarrisRatioTest;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * One solve of a ReLU program by the vertex walk (../../../../../../../../docs/algorithm.md, sections 2 to
 * 9). Not thread-safe; create one per solve.
 *
 * <p>State: the critical set (one neuron, or a free coordinate direction, per position), the edge
 * directions D (row k is d_k, with n_j . d_k = delta_jk for the oriented normals of the critical
 * set), the gradient of the current region and the tracked objective. Phase 1 starts with every
 * position a free coordinate direction (D = I) and pivots them out, which is Barrodale-Roberts'
 * stage 1; phase 2 walks vertices. Free directions that no neuron blocks either way are flat lines
 * of the objective and stay.
 *
 * <p>The strategies a researcher varies are plugins ({@link WalkStrategies}): the line search
 * (how far along the chosen edge), the anti-cycling rule (who chooses at a stall), the
 * refactorisation policy (when to recompute D). The walk calls each once per pivot at most and
 * ends FAILED, naming it, when one throws or answers nonsense.
 */
final class VertexWalk implements EdgeView, DegeneracyView {

    private static final int NO_EDGE = -1;
    /** Pricing and the line search must agree on an edge's slope to about this relative accuracy. */
    private static final double SLOPE_TOLERANCE_FACTOR = 100;
    private final ReluProgram program;
    private final SeparableProgram separable;
    /** A separable program whose every kink is convex: the slope only rises along a line. */
    private final boolean convexSeparable;
    private final PivotRule rule;
    private final WalkStrategies strategies;
    /** Stop-at-the-first-breakpoint test: while the anti-cycling rule is active, and for flat free directions. */
    private final HarrisRatioTest harris = new HarrisRatioTest();
    private final EdgeLine line;
    /** Why the line search cannot walk this program (from its prepare), or null. */
    private final String lineSearchTrouble;
    private final WalkCounters counters = new WalkCounters();
    /** Told when the free-direction phase ends (a solve's stages), or null. */
    private final SolveStages phases;
    /** True while only free directions have left the critical set (phase 1 from a point). */
    private boolean inPhaseOne;
    private final SolverOptions options;
    private final StepListener listener;
    private final int n;
    private final int m;
    private final double tol;

    private final int[] critical;
    private final int[] positionOf;
    private final double[] freeSign;
    private final boolean[] flatFree;
    private final double[] directions;

    private final double[] gradient;
    private final double[] dz;
    private final double[] dzTrial;
    private final double[] kink;
    private final double[] zTolerance;
    /** Separable programs: |a_j|, so that a rate is judged zero relative to |a_j| |d|. */
    private final double[] normalNorm;
    /**
     * Separable programs: sum_j max(|low_j|, |high_j|) |a_j|, coordinate-wise. The gradient is a sum
     * of such terms, so its round-off, and that of every slope, scales with this, not with |g|.
     */
    private final double[] gradientMagnitude;
    /** Round-off of a sum relative to the magnitude of its terms that slopes may carry. */
    private static final double ROUND_OFF = 1e-14;

    private final double[] slope;
    private final double[] slopeTolerance;
    private final double[] normSquared;
    private final double[] improvement;

    private final double[] direction;
    private final double[] trialDirection;
    private final double[] normalWork;
    private final double[] products;

    private double lastDirectionNorm;
    private double lineStep;
    private double lineDecrease;

    private final FlipCollector collector;

    private double objective;
    private double objectiveScale;
    /**
     * Magnitude of the terms that make up the objective at the current point (sum over neurons of
     * slope times {@link ReluProgram#scale}): the tracked objective's round-off scales with this,
     * not with the objective, which may be 0 (an exact fit) while its terms are not.
     */
    private double termScale;
    private long iterations;
    private long pivotsSinceRefactor;
    /** True while the anti-cycling rule makes the choices (read after each pivot). */
    private boolean ruleActive;
    private boolean refactorRequested;
    /** True from a successful refactorisation until the next pivot changes the state. */
    private boolean fresh;
    private final long startNanos;

    VertexWalk(ReluProgram program, PivotRule rule, SolverOptions options, StepListener listener) {
        this(program, rule, options, WalkStrategies.of(options), listener);
    }

    VertexWalk(ReluProgram program, PivotRule rule, SolverOptions options, WalkStrategies strategies,
               StepListener listener) {
        this.program = program;
        this.separable = program instanceof SeparableProgram s ? s : null;
        this.rule = rule;
        this.options = options;
        this.strategies = strategies;
        this.listener = listener == null ? StepListener.NONE : listener;
        this.phases = listener instanceof SolveStages stages ? stages : null;
        this.n = program.dimension();
        this.m = program.neuronCount();
        this.tol = options.tolerance();
        this.critical = new int[n];
        this.positionOf = new int[m];
        this.freeSign = new double[n];
        this.flatFree = new boolean[n];
        this.directions = new double[n * n];
        this.gradient = new double[n];
        this.dz = new double[m];
        this.dzTrial = new double[m];
        this.kink = separable == null ? null : new double[m];
        this.zTolerance = new double[m];
        this.slope = new double[2 * n];
        this.slopeTolerance = new double[2 * n];
        this.normSquared = new double[2 * n];
        this.improvement = new double[2 * n];
        this.direction = new double[n];
        this.trialDirection = new double[n];
        this.normalWork = new double[n];
        this.products = new double[n];
        this.collector = new FlipCollector(n);
        this.normalNorm = separable == null ? null : new double[m];
        this.gradientMagnitude = new double[n];
        boolean convexSeparable = separable != null;
        if (separable != null) {
            for (int j = 0; j < m; j++) {
                kink[j] = separable.highSlope(j) - separable.lowSlope(j);
                convexSeparable &= kink[j] >= 0;
                separable.normal(j, normalWork);
                normalNorm[j] = Math.sqrt(dot(normalWork, normalWork));
                double weight = Math.max(Math.abs(separable.lowSlope(j)), Math.abs(separable.highSlope(j)));
                for (int i = 0; i < n; i++) gradientMagnitude[i] += weight * Math.abs(normalWork[i]);
            }
        }
        this.convexSeparable = convexSeparable;
        this.line = new EdgeLine(program, positionOf, zTolerance, kink, normalNorm);
        this.lineSearchTrouble = prepareLineSearch();
        this.startNanos = System.nanoTime();
    }

    private String prepareLineSearch() {
        try {
            String reason = strategies.lineSearch.prepare(program);
            return reason == null ? null : strategies.lineSearchName + " cannot walk this program: " + reason;
        } catch (RuntimeException | StackOverflowError e) {
            return fault(strategies.lineSearchName, e);
        }
    }

    SolveResult solve(double[] x0) {
        if (lineSearchTrouble != null) return SolveResult.failed(lineSearchTrouble, seconds());
        if (x0.length != n) {
            return SolveResult.failed("start point has " + x0.length + " coordinates, the program " + n, seconds());
        }
        for (double v : x0) {
            if (!Double.isFinite(v)) return SolveResult.failed("start point is not finite", seconds());
        }
        program.reset(x0);
        Arrays.fill(positionOf, -1);
        for (int k = 0; k < n; k++) {
            critical[k] = freeCode(k);
            freeSign[k] = 1;
            directions[k * n + k] = 1;
        }
        objective = program.value();
        if (!Double.isFinite(objective)) {
            return finish(SolveStatus.NUMERICAL_FAILURE, "objective at the start point is not finite");
        }
        objectiveScale = Math.abs(objective);
        refreshScales();
        program.gradient(gradient);
        inPhaseOne = true;
        if (phases != null) phases.walkStarts(true);
        listener.onStep(0, objective, 0, -1, -1, 0, 0);
        return walk();
    }

    /**
     * Warm start: the walk begins in phase 2 at the vertex of the given critical set (n distinct
     * neurons whose normals are independent), near x0; the point is snapped onto their boundaries.
     * Every other neuron at its kink there (|z| within the tolerance) takes the side {@code sides}
     * gives it (null: the sign of its round-off): at a degenerate vertex (an exact fit) those sides
     * decide whether the vertex is certified at once or needs a zero-length pivot for each misplaced
     * neuron.
     *
     * @return null when the set is not a basis here (singular, or the snap changed the objective too
     *         much); the caller then starts afresh with a new walk
     */
    SolveResult solveFrom(double[] x0, int[] basis, boolean[] sides) {
        if (lineSearchTrouble != null) return null;
        if (x0.length != n || basis.length != n || (sides != null && sides.length != m)) return null;
        program.reset(x0);
        Arrays.fill(positionOf, -1);
        for (int k = 0; k < n; k++) {
            int neuron = basis[k];
            if (neuron < 0 || neuron >= m || positionOf[neuron] >= 0) return null;
            critical[k] = neuron;
            positionOf[neuron] = k;
            freeSign[k] = 1;
        }
        // a refactorisation, less the passes that reset() has just done
        if (!factorCritical()) return null;
        snapToBoundaries();
        objective = program.value();
        if (!Double.isFinite(objective)) return null;
        objectiveScale = Math.abs(objective);
        refreshScales();
        if (sides != null) takeSidesAtKinks(sides);
        program.gradient(gradient);
        pivotsSinceRefactor = 0;
        refactorRequested = false;
        fresh = true;
        if (phases != null) phases.walkStarts(false);
        listener.onStep(0, objective, 0, -1, -1, 0, 0);
        return walk();
    }

    private void takeSidesAtKinks(boolean[] sides) {
        double[] z = program.preactivations();
        boolean[] high = program.highSide();
        for (int j = 0; j < m; j++) {
            if (positionOf[j] < 0 && high[j] != sides[j] && Math.abs(z[j]) <= zTolerance[j]) program.flip(j);
        }
    }

    /** Unbounded claims the data did not confirm, each followed by a refactorisation, before NUMERICAL_FAILURE. */
    private static final int MAX_DOUBTED_CLAIMS = 2;
    private int doubtedClaims;
    /** The next refactorisation takes the recomputed objective without comparing (after a doubted claim). */
    private boolean rebaseObjective;

    private SolveResult walk() {
        int stalledPricings = 0;
        while (true) {
            if (iterations >= options.maxIterations()) {
                return finish(SolveStatus.ITERATION_LIMIT, "iteration limit " + options.maxIterations() + " reached");
            }
            if (options.timeLimitSeconds() > 0 && seconds() > options.timeLimitSeconds()) {
                return finish(SolveStatus.TIME_LIMIT, "time limit " + options.timeLimitSeconds() + " s reached");
            }
            if (listener.stopRequested()) {
                return finish(SolveStatus.INTERRUPTED, "interrupted after " + iterations + " pivots: stopped on request");
            }
            boolean due;
            try {
                due = refactorRequested || strategies.refactor.due(pivotsSinceRefactor);
            } catch (RuntimeException | StackOverflowError e) {
                return finish(SolveStatus.FAILED, fault(strategies.refactorName, e));
            }
            if (due) {
                String trouble = refactor();
                if (trouble != null) return finish(SolveStatus.NUMERICAL_FAILURE, trouble);
                if (faultMessage != null) return finish(SolveStatus.FAILED, faultMessage);
            }
            long priced = System.nanoTime();
            price();
            int edge = chooseEdge();
            counters.pricingNanos += System.nanoTime() - priced;
            if (edge == NO_EDGE) {
                edge = blockedFlatEdge();
                if (edge == NO_EDGE) return finishAtMinimum();
            } else if (edge < -1) {
                return finish(SolveStatus.FAILED, faultMessage);
            }
            int outcome = pivot(edge);
            if (outcome == FAULT) return finish(SolveStatus.FAILED, faultMessage);
            if (outcome == UNBOUNDED) {
                String doubt = unboundedDoubt(edge);
                if (doubt != null) {
                    // the walk's state misled it: recompute it from the data, the tracked objective
                    // included (it was walked with the same wrong slopes), and price again
                    if (++doubtedClaims <= MAX_DOUBTED_CLAIMS) {
                        refactorRequested = true;
                        rebaseObjective = true;
                        continue;
                    }
                    return finish(SolveStatus.NUMERICAL_FAILURE, doubt + " (" + MAX_DOUBTED_CLAIMS
                            + " refactorisations did not resolve it)");
                }
                return finish(SolveStatus.UNBOUNDED, "no neuron blocks the improving edge at position "
                        + edge / 2 + " (slope " + slope[edge] + ")");
            }
            if (outcome == STALE) {
                if (++stalledPricings > 2) {
                    return finish(SolveStatus.NUMERICAL_FAILURE, "pricing and line search disagree on the slope "
                            + "of edge " + edge + " after refactorisation");
                }
                refactorRequested = true;
                continue;
            }
            stalledPricings = 0;
        }
    }

    // ---------------------------------------------------------------- pricing

    private void price() {
        program.gradient(gradient);
        if (separable == null) {
            // The gradient of a general program is a sum whose terms we cannot see, and a flat
            // direction (a dead unit's weights, say) may mix every coordinate: the largest gradient
            // component seen along the walk bounds the round-off left in any of them.
            double largest = 0;
            for (int i = 0; i < n; i++) largest = Math.max(largest, Math.max(gradientMagnitude[i], Math.abs(gradient[i])));
            Arrays.fill(gradientMagnitude, largest);
        }
        Arrays.fill(normSquared, Double.NaN);
        Arrays.fill(improvement, Double.NaN);
        // Same-side slopes first: the other side of a general program's position combines the
        // same-side slopes of the positions downstream of it (F2).
        for (int k = 0; k < n; k++) {
            int row = k * n;
            double same = 0, magnitude = 0, roundOff = 0;
            for (int i = 0; i < n; i++) {
                double d = directions[row + i];
                double term = gradient[i] * d;
                same += term;
                magnitude += Math.abs(term);
                roundOff += gradientMagnitude[i] * Math.abs(d);
            }
            slope[2 * k] = same;
            slopeTolerance[2 * k] = magnitude;
            slopeTolerance[2 * k + 1] = roundOff;
        }
        for (int k = 0; k < n; k++) {
            double same = slope[2 * k], magnitude = slopeTolerance[2 * k], roundOff = slopeTolerance[2 * k + 1];
            int neuron = critical[k];
            if (neuron < 0) {
                slope[2 * k + 1] = -same;
            } else if (separable != null) {
                slope[2 * k + 1] = kink[neuron] - same;
                magnitude += Math.abs(kink[neuron]);
            } else {
                double change = collectFlipEffect(k);
                double other = -(same + change);
                magnitude += Math.abs(change);
                for (int q = 0; q < collector.count; q++) {
                    double term = collector.coefficient[q] * slope[2 * collector.position[q]];
                    other += term;
                    magnitude += Math.abs(term);
                }
                slope[2 * k + 1] = other;
            }
            double threshold = SLOPE_TOLERANCE_FACTOR * tol * magnitude + ROUND_OFF * roundOff + Double.MIN_NORMAL;
            slopeTolerance[2 * k] = threshold;
            slopeTolerance[2 * k + 1] = threshold;
        }
    }

    /** Runs flipEffect for the neuron at position k along d_k; fills the collector with F1's c~ coefficients. */
    private double collectFlipEffect(int k) {
        collector.reset();
        System.arraycopy(directions, k * n, trialDirection, 0, n);
        return program.flipEffect(critical[k], trialDirection, collector);
    }

    private String faultMessage;

    /** Returns an improving edge, NO_EDGE when none improves, or -2 when the pivot or anti-cycling rule misbehaved. */
    private int chooseEdge() {
        int bestFree = NO_EDGE;
        boolean anyImproving = false;
        for (int e = 0; e < 2 * n; e++) {
            if (!improving(e)) continue;
            anyImproving = true;
            if (critical[e / 2] < 0 && (bestFree == NO_EDGE || slope[e] < slope[bestFree])) bestFree = e;
        }
        if (!anyImproving) return NO_EDGE;
        if (bestFree != NO_EDGE) return bestFree;
        String chooser = ruleActive ? strategies.antiCyclingName : "pivot rule";
        int chosen;
        try {
            chosen = ruleActive ? strategies.antiCycling.chooseEdge(this) : rule.choose(this);
        } catch (RuntimeException | StackOverflowError e) {
            faultMessage = chooser + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
            listener.onPluginFault(chooser, e);
            return -2;
        }
        if (chosen < 0 || chosen >= 2 * n || !improving(chosen)) {
            faultMessage = chooser + " chose edge " + chosen + ", which is not an improving edge of the "
                    + 2 * n + " at this vertex";
            return -2;
        }
        return chosen;
    }

    /**
     * A free direction with zero slope that some neuron blocks: walking it costs nothing and brings
     * the point closer to a vertex. Directions found unblocked both ways are marked flat.
     */
    private int blockedFlatEdge() {
        for (int k = 0; k < n; k++) {
            if (critical[k] >= 0 || flatFree[k]) continue;
            int e = slope[2 * k] <= 0 ? 2 * k : 2 * k + 1;
            copyEdgeDirection(e, trialDirection);
            program.directional(trialDirection, dzTrial);
            lastDirectionNorm = Math.sqrt(dot(trialDirection, trialDirection));
            if (harris.blocking(line.bind(trialDirection, dzTrial, lastDirectionNorm, 0, 0)) >= 0) return e;
            for (int i = 0; i < n; i++) trialDirection[i] = -trialDirection[i];
            program.directional(trialDirection, dzTrial);
            if (harris.blocking(line.bind(trialDirection, dzTrial, lastDirectionNorm, 0, 0)) >= 0) return e ^ 1;
            flatFree[k] = true;
        }
        return NO_EDGE;
    }

    // ---------------------------------------------------------------- pivoting

    private static final int MOVED = 0;
    private static final int UNBOUNDED = 1;
    private static final int STALE = 2;
    /** A strategy misbehaved: {@link #faultMessage} says which and how. */
    private static final int FAULT = 3;

    private int pivot(int edge) {
        fresh = false;
        int k = edge / 2;
        int leaving = critical[k];
        boolean otherSide = (edge & 1) == 1;
        int flips = 0;
        if (inPhaseOne && leaving >= 0) {
            // the first pivot that takes a neuron out: the free-direction phase is over
            inPhaseOne = false;
            if (phases != null) phases.phaseOneEnds(this);
        }
        long started = System.nanoTime();
        if (otherSide) {
            if (leaving < 0) {
                freeSign[k] = -freeSign[k];
                negateRow(k);
            } else {
                changeRegion(k);
                flips = 1;
            }
        }
        long searched = System.nanoTime();
        counters.directionNanos += searched - started;
        System.arraycopy(directions, k * n, direction, 0, n);
        double gamma = program.directional(direction, dz);
        lastDirectionNorm = Math.sqrt(dot(direction, direction));
        double expected = slope[edge];
        if (gamma > expected + 10 * slopeTolerance[edge] + 1e-3 * Math.abs(expected)
                || (expected < 0 && gamma >= 0 && critical[k] >= 0)) {
            return STALE;
        }
        EdgeLine along = line.bind(direction, dz, lastDirectionNorm, gamma, slopeTolerance[edge]);
        int entering = ruleActive ? ruleRatioTest(along, gamma) : lineSearch(along);
        if (entering == -2) return FAULT;
        if (entering < 0) return UNBOUNDED;
        flips += (int) along.crossings();
        counters.crossings += along.crossings();
        double pivotRate = orientedRate(entering, dz);
        program.advance(lineStep, direction, dz);
        if (!ruleActive && strategies.lineSearch.needsRefresh() && !program.exactFlips()) program.refresh();
        long updated = System.nanoTime();
        counters.lineSearchNanos += updated - searched;
        objective -= lineDecrease;
        replace(k, entering, pivotRate);
        counters.directionNanos += System.nanoTime() - updated;
        counters.regionChanges += flips;
        iterations++;
        pivotsSinceRefactor++;
        Arrays.fill(flatFree, false);
        if (ruleActive) counters.rulePivots++;
        boolean progressed = lineStep > 0 && lineDecrease > 0;
        if (!progressed) counters.zeroSteps++;
        try {
            strategies.antiCycling.afterPivot(progressed, this);
            boolean active = strategies.antiCycling.active();
            if (active && !ruleActive) counters.ruleActivations++;
            ruleActive = active;
        } catch (RuntimeException | StackOverflowError e) {
            faultMessage = fault(strategies.antiCyclingName, e);
            return FAULT;
        }
        listener.onStep(iterations, objective, lineStep, entering, leaving, flips, System.nanoTime() - startNanos);
        return MOVED;
    }

    /**
     * The chosen line search along the bound line; sets lineStep and lineDecrease.
     *
     * @return the entering neuron, -1 when unbounded, -2 when the search misbehaved
     */
    private int lineSearch(EdgeLine along) {
        int entering;
        try {
            entering = strategies.lineSearch.search(along);
        } catch (RuntimeException | StackOverflowError e) {
            faultMessage = fault(strategies.lineSearchName, e);
            return -2;
        }
        if (entering < 0) return -1;
        lineStep = strategies.lineSearch.step();
        lineDecrease = strategies.lineSearch.decrease();
        String wrong = entering >= m ? "stopped at neuron " + entering + " of " + m
                : positionOf[entering] >= 0 ? "stopped at neuron " + entering + ", which is critical"
                : !(lineStep >= 0 && lineStep < Double.POSITIVE_INFINITY) ? "returned step " + lineStep
                : !Double.isFinite(lineDecrease) ? "returned decrease " + lineDecrease
                : null;
        if (wrong != null) {
            faultMessage = strategies.lineSearchName + " " + wrong;
            return -2;
        }
        return entering;
    }

    /** While the anti-cycling rule is active: Harris' test, the rule choosing among the ties. */
    private int ruleRatioTest(EdgeLine along, double gamma) {
        int entering;
        try {
            entering = harris.blocking(along, strategies.antiCycling);
        } catch (RuntimeException | StackOverflowError e) {
            faultMessage = fault(strategies.antiCyclingName, e);
            return -2;
        }
        if (entering < 0) return -1;
        double rate = orientedRate(entering, dz);
        lineStep = Math.max(0, oriented(entering)) / -rate;
        lineDecrease = -gamma * lineStep;
        return entering;
    }

    /** Region change (F1): flip the critical neuron at position k and update its edge direction. */
    private void changeRegion(int k) {
        int neuron = critical[k];
        if (separable != null) {
            program.flip(neuron);
            negateRow(k);
        } else {
            collectFlipEffect(k);
            program.flip(neuron);
            int row = k * n;
            for (int i = 0; i < n; i++) directions[row + i] = -directions[row + i];
            for (int q = 0; q < collector.count; q++) {
                int other = collector.position[q] * n;
                double c = collector.coefficient[q];
                for (int i = 0; i < n; i++) directions[row + i] += c * directions[other + i];
            }
        }
        program.gradient(gradient);
    }

    private void negateRow(int k) {
        int row = k * n;
        for (int i = 0; i < n; i++) directions[row + i] = -directions[row + i];
    }

    /**
     * Basis exchange: neuron r replaces position k. Sherman-Morrison on the rows of D:
     * d_k' = d_k / (n_r . d_k), d_j' = d_j - (n_r . d_j) d_k'.
     */
    private void replace(int k, int entering, double expectedPivot) {
        program.normal(entering, normalWork);
        double sign = program.highSide()[entering] ? 1 : -1;
        for (int j = 0; j < n; j++) {
            int row = j * n;
            double s = 0;
            for (int i = 0; i < n; i++) s += normalWork[i] * directions[row + i];
            products[j] = sign * s;
        }
        double pivot = products[k];
        if (!(Math.abs(pivot - expectedPivot) <= 1e-7 * (Math.abs(expectedPivot) + Math.abs(pivot)))
                || Math.abs(pivot) < 1e-11 * Math.sqrt(dot(normalWork, normalWork) * rowNormSquared(k))) {
            refactorRequested = true;
        }
        int rowK = k * n;
        double inverse = 1 / pivot;
        for (int i = 0; i < n; i++) directions[rowK + i] *= inverse;
        for (int j = 0; j < n; j++) {
            double u = products[j];
            if (j == k || u == 0) continue;
            int row = j * n;
            for (int i = 0; i < n; i++) directions[row + i] -= u * directions[rowK + i];
        }
        int leaving = critical[k];
        if (leaving >= 0) positionOf[leaving] = -1;
        critical[k] = entering;
        positionOf[entering] = k;
    }

    // ---------------------------------------------------------------- refactorisation

    /**
     * Recomputes the preactivations and gradient from the point, D from the critical normals, snaps
     * the point back onto its critical boundaries, and checks the tracked objective.
     *
     * @return null, or why the state cannot be trusted
     */
    private String refactor() {
        long started = System.nanoTime();
        String trouble = refactorState();
        counters.refactorNanos += System.nanoTime() - started;
        return trouble;
    }

    private String refactorState() {
        counters.refactorisations++;
        fresh = false;
        refactorRequested = false;
        pivotsSinceRefactor = 0;
        program.refresh();
        if (!factorCritical()) return "the critical normals became linearly dependent (singular basis)";
        snapToBoundaries();
        double recomputed = program.value();
        if (!Double.isFinite(recomputed)) return "objective is not finite after refactorisation";
        boolean rebase = rebaseObjective;
        rebaseObjective = false;
        if (!rebase) {
            double allowed = 1e-7 * (Math.abs(recomputed) + objectiveScale) + 1e-9 * termScale + 1e-300;
            double drift = Math.abs(recomputed - objective);
            if (drift > allowed) {
                return "tracked objective " + objective + " drifted from the recomputed " + recomputed;
            }
            counters.driftChecks++;
            try {
                strategies.refactor.checked(drift / allowed);
            } catch (RuntimeException | StackOverflowError e) {
                faultMessage = fault(strategies.refactorName, e);
            }
        }
        objective = recomputed;
        refreshScales();
        program.gradient(gradient);
        fresh = true;
        return null;
    }

    /** D from the oriented normals of the critical set (A^-1, row k = d_k); false when singular. */
    private boolean factorCritical() {
        double[] a = new double[n * n];
        for (int k = 0; k < n; k++) {
            int neuron = critical[k];
            if (neuron < 0) {
                a[k * n + coordinateOf(neuron)] = freeSign[k];
            } else {
                program.normal(neuron, normalWork);
                double sign = program.highSide()[neuron] ? 1 : -1;
                for (int i = 0; i < n; i++) a[k * n + i] = sign * normalWork[i];
            }
        }
        return DenseLu.invertTransposed(a, n, 1e-13, directions);
    }

    /** Moves x by -sum_c z~_c d_c so that every critical preactivation is zero again. */
    private void snapToBoundaries() {
        Arrays.fill(trialDirection, 0);
        boolean any = false;
        for (int k = 0; k < n; k++) {
            int neuron = critical[k];
            if (neuron < 0) continue;
            double residual = oriented(neuron);
            if (residual == 0) continue;
            any = true;
            int row = k * n;
            for (int i = 0; i < n; i++) trialDirection[i] -= residual * directions[row + i];
        }
        if (!any) return;
        program.directional(trialDirection, dzTrial);
        program.advance(1, trialDirection, dzTrial);
    }

    private void refreshScales() {
        double terms = 0;
        for (int j = 0; j < m; j++) {
            double scale = program.scale(j);
            zTolerance[j] = tol * scale;
            terms += (separable == null ? 1 : Math.max(Math.abs(separable.lowSlope(j)), Math.abs(separable.highSlope(j))))
                    * scale;
        }
        termScale = terms;
    }

    // ---------------------------------------------------------------- the end

    private SolveResult finishAtMinimum() {
        SolveStatus status = program.isConvex() ? SolveStatus.OPTIMAL : SolveStatus.LOCAL_MINIMUM;
        return finish(status, "");
    }

    /** Refactors once more, prices every edge and builds the certificate. */
    private SolveResult finish(SolveStatus status, String message) {
        // nothing moved since the last refactorisation: doing it again would give the same state
        String trouble = fresh && !refactorRequested ? null : refactor();
        if (trouble != null && status.isCertified()) {
            status = SolveStatus.NUMERICAL_FAILURE;
            message = trouble;
        }
        if (trouble == null) price();
        double minSlope = Double.POSITIVE_INFINITY, maxTolerance = 0;
        int free = 0;
        for (int e = 0; e < 2 * n; e++) {
            minSlope = Math.min(minSlope, slope[e]);
            maxTolerance = Math.max(maxTolerance, slopeTolerance[e]);
        }
        double maxResidual = 0;
        for (int k = 0; k < n; k++) {
            if (critical[k] < 0) free++;
            else maxResidual = Math.max(maxResidual, Math.abs(program.preactivations()[critical[k]]));
        }
        if (status.isCertified() && trouble == null) {
            for (int e = 0; e < 2 * n; e++) {
                if (slope[e] < -slopeTolerance[e]) {
                    status = SolveStatus.NUMERICAL_FAILURE;
                    message = "after refactorisation edge " + e + " has slope " + slope[e] + " < 0";
                    break;
                }
            }
        }
        if (separable != null && trouble == null && (status.isCertified() || status == SolveStatus.UNBOUNDED)) {
            String mismatch = separableMismatch();
            if (mismatch != null) {
                status = SolveStatus.NUMERICAL_FAILURE;
                message = mismatch;
            }
        }
        double[] dual = null;
        double violation = Double.NaN, stationarity = Double.NaN;
        if (separable != null && trouble == null) {
            dual = dualVector();
            violation = dualViolation(dual);
            double[] residual = new double[n];
            separable.stationarity(dual, residual);
            stationarity = 0;
            for (double r : residual) stationarity = Math.max(stationarity, Math.abs(r));
        }
        double recomputed = program.value();
        Certificate certificate = new Certificate(minSlope, maxTolerance, 2 * n, free, maxResidual, recomputed,
                dual, violation, stationarity);
        return new SolveResult(status, recomputed, program.point().clone(), iterations, counters.regionChanges, seconds(),
                certificate, message);
    }

    /**
     * Before reporting UNBOUNDED on a separable program, the slope far out along the unblocked
     * direction d is recomputed from the data in compensated arithmetic (not from the program's
     * gradient, nor from the walk's rates): c . d + sum_j phi'_j (a_j . d), where each neuron is on
     * the side its rate a_j . d takes it to (its current side when the rate is zero). A program that
     * drifted, a direction that is in truth flat, or rates lost to round-off on badly scaled data
     * must not be reported as unbounded.
     *
     * @return null, or why the claim does not hold
     */
    private String unboundedDoubt(int edge) {
        if (separable == null) return null;
        boolean[] high = program.highSide();
        double[] linear = new double[n];
        separable.stationarity(new double[m], linear);
        CompensatedSum slopeFar = new CompensatedSum();
        slopeFar.addDot(linear, direction);
        CompensatedSum rate = new CompensatedSum();
        for (int j = 0; j < m; j++) {
            separable.normal(j, normalWork);
            rate.reset();
            rate.addDot(normalWork, direction);
            double r = rate.value();
            boolean farHigh = r > 0 || (r == 0 && high[j]);
            slopeFar.addProduct(farHigh ? separable.highSlope(j) : separable.lowSlope(j), r);
        }
        double slopeFromData = slopeFar.value();
        if (slopeFromData < -slopeTolerance[edge]) return null;
        return "the walk's slope " + slope[edge] + " along the unblocked edge " + edge
                + " disagrees with the slope far along it that the data give, " + slopeFromData
                + (isBoundedBelow() ? " (every neuron's loss is >= 0 and there is no linear term: the program is "
                        + "bounded below by 0 and cannot be unbounded)" : "");
    }

    /**
     * True when f = c . x + sum_j phi_j(z_j) is >= 0 everywhere: no linear term and every phi_j has
     * low slope <= 0 <= high slope (absolute, quantile, epsilon-insensitive and hinge losses). The
     * check above can never confirm an unbounded edge of such a program: every term of its far
     * slope is >= 0, in floating point too.
     */
    private boolean isBoundedBelow() {
        for (int j = 0; j < m; j++) {
            if (separable.lowSlope(j) > 0 || separable.highSlope(j) < 0) return false;
        }
        double[] linear = new double[n];
        separable.stationarity(new double[m], linear);
        for (double c : linear) {
            if (c != 0) return false;
        }
        return true;
    }

    /**
     * Checks a separable program's gradient and value, which the walk trusted, against the same
     * quantities computed from its data ({@link SeparableProgram#stationarity}, the slopes and the
     * preactivations): c + sum_j phi'_j a_j and c . x + sum_j phi_j(z_j). A program that drifted
     * from its own data would otherwise end OPTIMAL (or UNBOUNDED) at the wrong point.
     *
     * @return null, or what disagrees
     */
    private String separableMismatch() {
        boolean[] high = program.highSide();
        double[] sides = new double[m];
        for (int j = 0; j < m; j++) sides[j] = high[j] ? separable.highSlope(j) : separable.lowSlope(j);
        double[] fromData = new double[n];
        separable.stationarity(sides, fromData);
        program.gradient(gradient);
        double worst = 0, size = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(fromData[i] - gradient[i]));
            size = Math.max(size, gradientMagnitude[i]);
        }
        if (worst > 1e-9 * size + Double.MIN_NORMAL) {
            return "the program's gradient differs from the one its data give by " + worst;
        }
        double[] linear = new double[n];
        separable.stationarity(new double[m], linear);
        double[] x = program.point(), z = program.preactivations();
        double value = 0, magnitude = termScale;
        for (int i = 0; i < n; i++) {
            value += linear[i] * x[i];
            magnitude += Math.abs(linear[i] * x[i]);
        }
        for (int j = 0; j < m; j++) {
            double term = (z[j] < 0 ? separable.lowSlope(j) : separable.highSlope(j)) * z[j];
            value += term;
            magnitude += Math.abs(term);
        }
        double reported = program.value();
        if (!(Math.abs(reported - value) <= 1e-11 * magnitude + Double.MIN_NORMAL)) {
            return "the program's value " + reported + " differs from the sum of its terms " + value;
        }
        return null;
    }

    /**
     * Dual of a separable program: the slope of each non-critical neuron's side; for critical neuron c
     * at position k, lambda_c = phi'_side(c) - sigma_c gamma_k, which makes c + sum lambda_j a_j = 0.
     */
    private double[] dualVector() {
        boolean[] high = program.highSide();
        double[] dual = new double[m];
        for (int j = 0; j < m; j++) dual[j] = high[j] ? separable.highSlope(j) : separable.lowSlope(j);
        for (int k = 0; k < n; k++) {
            int c = critical[k];
            if (c < 0) continue;
            double sigma = high[c] ? 1 : -1;
            dual[c] -= sigma * slope[2 * k];
        }
        return dual;
    }

    private double dualViolation(double[] dual) {
        double worst = 0;
        for (int k = 0; k < n; k++) {
            int c = critical[k];
            if (c < 0) continue;
            double lo = Math.min(separable.lowSlope(c), separable.highSlope(c));
            double hi = Math.max(separable.lowSlope(c), separable.highSlope(c));
            worst = Math.max(worst, Math.max(lo - dual[c], dual[c] - hi));
        }
        return Math.max(0, worst);
    }

    // ---------------------------------------------------------------- EdgeView

    @Override
    public int size() {
        return 2 * n;
    }

    @Override
    public double slope(int e) {
        return slope[e];
    }

    @Override
    public boolean improving(int e) {
        return slope[e] < -slopeTolerance[e];
    }

    @Override
    public double normSquared(int e) {
        if (Double.isNaN(normSquared[e])) {
            copyEdgeDirection(e, trialDirection);
            normSquared[e] = dot(trialDirection, trialDirection);
        }
        return normSquared[e];
    }

    @Override
    public double improvement(int e) {
        if (!Double.isNaN(improvement[e])) return improvement[e];
        double value;
        if (!improving(e)) {
            value = 0;
        } else {
            int k = e / 2;
            boolean flipNeuron = (e & 1) == 1 && critical[k] >= 0 && separable == null;
            copyEdgeDirection(e, trialDirection);
            if (flipNeuron) program.flip(critical[k]);
            double gamma = program.directional(trialDirection, dzTrial);
            lastDirectionNorm = Math.sqrt(dot(trialDirection, trialDirection));
            // a pivot rule that looks ahead asks the line search; a fault there is the search's, and ends the walk
            value = strategies.lineSearch.improvement(
                    line.bind(trialDirection, dzTrial, lastDirectionNorm, gamma, slopeTolerance[e]));
            if (flipNeuron) program.flip(critical[k]);
        }
        improvement[e] = value;
        return value;
    }

    @Override
    public int neuron(int e) {
        return Math.max(-1, critical[e / 2]);
    }

    @Override
    public long iteration() {
        return iterations;
    }

    @Override
    public double objective() {
        return objective;
    }

    /** Writes the direction of edge e into out: d_k, or its other-side counterpart (F1). */
    private void copyEdgeDirection(int e, double[] out) {
        int k = e / 2;
        System.arraycopy(directions, k * n, out, 0, n);
        if ((e & 1) == 0) return;
        for (int i = 0; i < n; i++) out[i] = -out[i];
        if (critical[k] < 0 || separable != null) return;
        collectFlipEffect(k);
        System.arraycopy(directions, k * n, out, 0, n);
        for (int i = 0; i < n; i++) out[i] = -out[i];
        for (int q = 0; q < collector.count; q++) {
            int other = collector.position[q] * n;
            double c = collector.coefficient[q];
            for (int i = 0; i < n; i++) out[i] += c * directions[other + i];
        }
    }

    // ---------------------------------------------------------------- state, for the solve, the tests and the benchmarks

    /** The walk's counters so far. */
    WalkCounters counters() {
        counters.pivots = iterations;
        return counters;
    }

    /** Writes the direction of edge e at the current vertex into out (F1 for the other side). */
    void edgeDirection(int e, double[] out) {
        copyEdgeDirection(e, out);
    }

    /** Prices the edges afresh and returns the slopes (the walk's array). */
    double[] priceAll() {
        price();
        return slope;
    }

    /** The edge directions D, row k = d_k (the walk's array). */
    double[] directions() {
        return directions;
    }

    /** Oriented normal of critical position k (a free direction's unit vector) into out. */
    void criticalNormal(int k, double[] out) {
        int neuron = critical[k];
        if (neuron < 0) {
            Arrays.fill(out, 0);
            out[coordinateOf(neuron)] = freeSign[k];
        } else {
            program.normal(neuron, out);
            double sign = program.highSide()[neuron] ? 1 : -1;
            for (int i = 0; i < n; i++) out[i] *= sign;
        }
    }

    /** The line along d_k with its rates, bound for a search (for the benchmarks). */
    EdgeLine lineAlong(int k, double[] v, double[] rates, double slope) {
        System.arraycopy(directions, k * n, v, 0, n);
        program.directional(v, rates);
        return line.bind(v, rates, Math.sqrt(dot(v, v)), slope, 0);
    }

    /** The walk's Harris test (for the benchmarks). */
    HarrisRatioTest harris() {
        return harris;
    }

    /**
     * Basis update: neuron r (not critical) replaces position k and then the old neuron comes back,
     * two Sherman-Morrison updates of D that leave the walk where it was (up to round-off).
     */
    void exchangeAndBack(int k, int r) {
        int old = critical[k];
        replace(k, r, Double.NaN);
        replace(k, old, Double.NaN);
        refactorRequested = false;
    }

    /**
     * Stall at a degenerate vertex of a convex separable program walked by a pass-through search:
     * gives the non-critical neurons at their kink the sides {@link KinkBalance} chooses. Only the
     * gradient changes.
     *
     * @return whether any neuron changed side
     */
    @Override
    public boolean rebalanceKinks() {
        if (!convexSeparable || !strategies.lineSearch.passesThrough()) return false;
        double[] z = program.preactivations();
        boolean[] atKink = new boolean[m], critical = new boolean[m];
        for (int j = 0; j < m; j++) {
            critical[j] = positionOf[j] >= 0;
            atKink[j] = !critical[j] && Math.abs(z[j]) <= zTolerance[j];
        }
        boolean[] sides = program.highSide().clone();
        KinkBalance.balance(separable, atKink, critical, sides);
        boolean changed = false;
        for (int j = 0; j < m; j++) {
            if (atKink[j] && sides[j] != program.highSide()[j]) {
                program.flip(j);
                changed = true;
            }
        }
        if (changed) counters.rebalances++;
        return changed;
    }

    /** Neuron or free-direction code at each critical position (a copy). */
    int[] criticalSet() {
        return critical.clone();
    }

    // ---------------------------------------------------------------- helpers

    /** Preactivation of neuron j signed so that its current side is positive. */
    private double oriented(int j) {
        double z = program.preactivations()[j];
        return program.highSide()[j] ? z : -z;
    }

    private double orientedRate(int j, double[] rates) {
        return program.highSide()[j] ? rates[j] : -rates[j];
    }

    private double rowNormSquared(int k) {
        double s = 0;
        for (int i = 0; i < n; i++) s += directions[k * n + i] * directions[k * n + i];
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static int freeCode(int coordinate) {
        return -1 - coordinate;
    }

    private static int coordinateOf(int code) {
        return -1 - code;
    }

    /** A strategy's exception: passed on to the listener (for its stack trace), and the one-line message. */
    private String fault(String owner, Throwable e) {
        listener.onPluginFault(owner, e);
        return owner + " threw " + WalkStrategies.StrategyFault.describe(e);
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /** Collects F1's coefficients c~_m = sigma_m * change of nu_m . d_k for critical m downstream of a flip. */
    private final class FlipCollector implements ReluProgram.FlipSink {
        final int[] position;
        final double[] coefficient;
        int count;

        FlipCollector(int capacity) {
            position = new int[capacity];
            coefficient = new double[capacity];
        }

        void reset() {
            count = 0;
        }

        @Override
        public void accept(int neuron, double change) {
            int p = positionOf[neuron];
            if (p < 0 || change == 0) return;
            if (count == position.length) {
                throw new IllegalStateException("program reported more downstream changes than critical neurons");
            }
            position[count] = p;
            coefficient[count] = (program.highSide()[neuron] ? 1 : -1) * change;
            count++;
        }
    }
}
