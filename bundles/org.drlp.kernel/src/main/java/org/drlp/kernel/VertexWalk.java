package org.drlp.kernel;

import java.util.Arrays;

import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
import org.drlp.kernel.basis.EdgeDirections;
import org.drlp.kernel.certificate.Certification;
import org.drlp.kernel.degeneracy.KinkBalance;
import org.drlp.kernel.linesearch.EdgeLine;
import org.drlp.kernel.linesearch.HarrisRatioTest;
import org.drlp.kernel.linesearch.ReadsComputedGroups;
import org.drlp.kernel.pricing.EdgePricing;
import org.drlp.spi.DegeneracyView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;

/**
 * One solve of a ReLU program by the vertex walk (../../../../../../../../docs/algorithm.md, sections 2 to
 * 9): the walk's state and its loop. Not thread-safe; create one per solve.
 *
 * <p>State: the point (in the program), the critical set with its edge directions D
 * ({@link EdgeDirections}, the basis), the slopes of the edges ({@link EdgePricing}, which is also
 * the view the pivot rule chooses from), the tracked objective and the counters. Phase 1 starts
 * with every position a free coordinate direction (D = I) and pivots them out, which is
 * Barrodale-Roberts' stage 1; phase 2 walks vertices. Free directions that no neuron blocks either
 * way are flat lines of the objective and stay. The end, the certificate and the dual are
 * {@link Certification}'s.
 *
 * <p>The strategies a researcher varies are plugins ({@link WalkStrategies}): the line search
 * (how far along the chosen edge, on the {@link EdgeLine}), the anti-cycling rule (who chooses at
 * a stall), the refactorisation policy (when to recompute D). The walk calls each once per pivot at
 * most and ends FAILED, naming it, when one throws or answers nonsense.
 */
final class VertexWalk implements DegeneracyView, EdgePricing.LookAhead {

    private static final int NO_EDGE = -1;
    private final ReluProgram program;
    private final SeparableProgram separable;
    /** A separable program whose every kink is convex: the slope only rises along a line. */
    private final boolean convexSeparable;
    private final PivotRule rule;
    private final WalkStrategies strategies;
    /** Stop-at-the-first-breakpoint test: while the anti-cycling rule is active, and for flat free directions. */
    private final HarrisRatioTest harris = new HarrisRatioTest();
    private final EdgeDirections basis;
    private final EdgePricing pricing;
    private final Certification certification;
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

    private final boolean[] flatFree;
    private final double[] dz;
    private final double[] dzTrial;
    private final double[] zTolerance;

    private final double[] direction;
    private final double[] trialDirection;
    private final double[] normalWork;

    private double lineStep;
    private double lineDecrease;

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
    /**
     * The line search reads only the groups the program computes, so a pivot's pass may leave out
     * the groups that cannot reach a kink ({@link ReluProgram#directionalWithin}).
     */
    private final boolean groupedRates;
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
        this.flatFree = new boolean[n];
        this.dz = new double[m];
        this.dzTrial = new double[m];
        double[] kink = separable == null ? null : new double[m];
        this.zTolerance = new double[m];
        this.direction = new double[n];
        this.trialDirection = new double[n];
        this.normalWork = new double[n];
        double[] normalNorm = separable == null ? null : new double[m];
        double[] gradientMagnitude = new double[n];
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
        this.basis = new EdgeDirections(program);
        this.pricing = new EdgePricing(program, kink, gradientMagnitude, basis, tol, this);
        this.certification = new Certification(program, pricing, basis);
        this.line = new EdgeLine(program, basis.positions(), zTolerance, kink, normalNorm);
        this.lineSearchTrouble = prepareLineSearch();
        this.groupedRates = lineSearchTrouble == null && program.groupSize() > 0
                && strategies.lineSearch instanceof ReadsComputedGroups search && search.readsComputedGroups();
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
        basis.startFree();
        objective = program.value();
        if (!Double.isFinite(objective)) {
            return finish(SolveStatus.NUMERICAL_FAILURE, "objective at the start point is not finite");
        }
        objectiveScale = Math.abs(objective);
        refreshScales();
        program.gradient(pricing.gradient());
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
    SolveResult solveFrom(double[] x0, int[] basisNeurons, boolean[] sides) {
        if (lineSearchTrouble != null) return null;
        if (x0.length != n || basisNeurons.length != n || (sides != null && sides.length != m)) return null;
        program.reset(x0);
        if (!basis.takeBasis(basisNeurons)) return null;
        // a refactorisation, less the passes that reset() has just done
        if (!basis.factor()) return null;
        snapToBoundaries();
        objective = program.value();
        if (!Double.isFinite(objective)) return null;
        objectiveScale = Math.abs(objective);
        refreshScales();
        if (sides != null) takeSidesAtKinks(sides);
        program.gradient(pricing.gradient());
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
            if (basis.positionOf(j) < 0 && high[j] != sides[j] && Math.abs(z[j]) <= zTolerance[j]) program.flip(j);
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
            pricing.price(iterations);
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
                String doubt = certification.unboundedDoubt(edge, direction, normalWork);
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
                        + edge / 2 + " (slope " + pricing.slope(edge) + ")");
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

    // ---------------------------------------------------------------- the edge to walk

    private String faultMessage;

    /** Returns an improving edge, NO_EDGE when none improves, or -2 when the pivot or anti-cycling rule misbehaved. */
    private int chooseEdge() {
        int bestFree = NO_EDGE;
        boolean anyImproving = false;
        for (int e = 0; e < 2 * n; e++) {
            if (!pricing.improving(e)) continue;
            anyImproving = true;
            if (basis.critical(e / 2) < 0 && (bestFree == NO_EDGE || pricing.slope(e) < pricing.slope(bestFree))) {
                bestFree = e;
            }
        }
        if (!anyImproving) return NO_EDGE;
        if (bestFree != NO_EDGE) return bestFree;
        String chooser = ruleActive ? strategies.antiCyclingName : "pivot rule";
        int chosen;
        try {
            chosen = ruleActive ? strategies.antiCycling.chooseEdge(pricing) : rule.choose(pricing);
        } catch (RuntimeException | StackOverflowError e) {
            faultMessage = chooser + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
            listener.onPluginFault(chooser, e);
            return -2;
        }
        if (chosen < 0 || chosen >= 2 * n || !pricing.improving(chosen)) {
            faultMessage = chooser + " chose edge " + chosen + ", which is not an improving edge of the "
                    + 2 * n + " at this vertex";
            return -2;
        }
        return chosen;
    }

    /**
     * What a pivot along improving edge e would gain, by the line search (a pivot rule that looks
     * ahead asks; a fault there is the search's, and ends the walk).
     */
    @Override
    public double improvement(int e, double slopeTolerance) {
        int k = e / 2;
        boolean flipNeuron = (e & 1) == 1 && basis.critical(k) >= 0 && separable == null;
        basis.edgeDirection(e, trialDirection);
        if (flipNeuron) program.flip(basis.critical(k));
        double gamma = program.directional(trialDirection, dzTrial);
        double norm = Math.sqrt(dot(trialDirection, trialDirection));
        double value = strategies.lineSearch.improvement(line.bind(trialDirection, dzTrial, norm, gamma, slopeTolerance));
        if (flipNeuron) program.flip(basis.critical(k));
        return value;
    }

    /**
     * A free direction with zero slope that some neuron blocks: walking it costs nothing and brings
     * the point closer to a vertex. Directions found unblocked both ways are marked flat.
     */
    private int blockedFlatEdge() {
        for (int k = 0; k < n; k++) {
            if (basis.critical(k) >= 0 || flatFree[k]) continue;
            int e = pricing.slope(2 * k) <= 0 ? 2 * k : 2 * k + 1;
            basis.edgeDirection(e, trialDirection);
            program.directional(trialDirection, dzTrial);
            double norm = Math.sqrt(dot(trialDirection, trialDirection));
            if (harris.blocking(line.bind(trialDirection, dzTrial, norm, 0, 0)) >= 0) return e;
            for (int i = 0; i < n; i++) trialDirection[i] = -trialDirection[i];
            program.directional(trialDirection, dzTrial);
            if (harris.blocking(line.bind(trialDirection, dzTrial, norm, 0, 0)) >= 0) return e ^ 1;
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
        int leaving = basis.critical(k);
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
                basis.turnFree(k);
            } else {
                basis.changeRegion(k);
                program.gradient(pricing.gradient());
                flips = 1;
            }
        }
        long searched = System.nanoTime();
        counters.directionNanos += searched - started;
        System.arraycopy(basis.matrix(), k * n, direction, 0, n);
        // the anti-cycling rule's ratio test reads every neuron
        double gamma = groupedRates && !ruleActive ? program.directionalWithin(direction, dz) : program.directional(direction, dz);
        double norm = Math.sqrt(dot(direction, direction));
        double expected = pricing.slope(edge);
        double tolerance = pricing.slopeTolerance(edge);
        if (gamma > expected + 10 * tolerance + 1e-3 * Math.abs(expected)
                || (expected < 0 && gamma >= 0 && basis.critical(k) >= 0)) {
            return STALE;
        }
        EdgeLine along = line.bind(direction, dz, norm, gamma, tolerance);
        int entering = ruleActive ? ruleRatioTest(along, gamma) : lineSearch(along);
        if (entering == -1 && along.passedNegligible()) {
            // unblocked only because the pivot tolerance passed every blocker by: search again without
            // it, from the state recomputed (the search undid its crossings away from z = 0, which
            // leaves round-off, and updated the rates in place)
            program.refresh();
            gamma = program.directional(direction, dz);
            along = line.bind(direction, dz, norm, gamma, tolerance).withoutPivotGuard();
            entering = lineSearch(along);
        }
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
        if (basis.replace(k, entering, pivotRate)) refactorRequested = true;
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
                : basis.positionOf(entering) >= 0 ? "stopped at neuron " + entering + ", which is critical"
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
        if (!basis.factor()) return "the critical normals became linearly dependent (singular basis)";
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
        program.gradient(pricing.gradient());
        fresh = true;
        return null;
    }

    /** Moves x by -sum_c z~_c d_c so that every critical preactivation is zero again. */
    private void snapToBoundaries() {
        if (!basis.snapMove(trialDirection)) return;
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
        if (trouble == null) pricing.price(iterations);
        return certification.result(status, message, trouble == null, termScale, iterations, counters.regionChanges,
                seconds());
    }

    // ---------------------------------------------------------------- DegeneracyView

    @Override
    public long iteration() {
        return iterations;
    }

    @Override
    public double objective() {
        return objective;
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
            critical[j] = basis.positionOf(j) >= 0;
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

    // ---------------------------------------------------------------- for the solve, the tests and the benchmarks

    /** The walk's counters so far. */
    WalkCounters counters() {
        counters.pivots = iterations;
        return counters;
    }

    /** Neuron or free-direction code at each critical position (a copy). */
    int[] criticalSet() {
        return basis.criticalSet();
    }

    /** The program walked. */
    ReluProgram program() {
        return program;
    }

    /** The critical set and D (the walk's own: probes read it, or undo what they change). */
    EdgeDirections basis() {
        return basis;
    }

    /** The edges' slopes (the walk's own). */
    EdgePricing pricing() {
        return pricing;
    }

    /** The walk's line view, for a search along a direction a probe binds it to. */
    EdgeLine line() {
        return line;
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

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** A strategy's exception: passed on to the listener (for its stack trace), and the one-line message. */
    private String fault(String owner, Throwable e) {
        listener.onPluginFault(owner, e);
        return owner + " threw " + WalkStrategies.StrategyFault.describe(e);
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }
}
