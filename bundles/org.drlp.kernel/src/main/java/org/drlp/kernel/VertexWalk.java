package org.drlp.kernel;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.drlp.api.Certificate;
import org.drlp.api.SolveResult;
import org.drlp.api.SolveStatus;
import org.drlp.api.SolverOptions;
import org.drlp.api.StepListener;
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
 */
final class VertexWalk implements EdgeView {

    private static final int NO_EDGE = -1;
    /** Pricing and the line search must agree on an edge's slope to about this relative accuracy. */
    private static final double SLOPE_TOLERANCE_FACTOR = 100;
    /** Relative size below which a rate of change along an edge is round-off, not movement. */
    private static final double RATE_EPSILON = 1e-12;
    /** In Bland mode a blocking neuron qualifies only if its rate is at least this share of the largest tie's. */
    private static final double BLAND_PIVOT_FRACTION = 1e-3;

    private final ReluProgram program;
    private final SeparableProgram separable;
    private final boolean passThrough;
    /** Pass-through line search of general programs (null: stop at the first breakpoint). */
    private final CrossingLineSearch crossing;
    private final PivotRule rule;
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

    private final double[] candidateT;
    private final double[] candidateW;
    private final int[] candidateJ;
    private int candidateCount;
    private double lastDirectionNorm;
    private int stopIndex;
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
    private long regionChanges;
    private long pivotsSinceRefactor;
    private int zeroSteps;
    /** Zero-length pivots of the whole walk, and pivots chosen by Bland's rule: how degenerate it was. */
    private long totalZeroSteps;
    private long blandPivots;
    /** Stalls met by re-siding the neurons at their kink ({@link KinkBalance}), and whether this one was. */
    private long rebalances;
    /** Refactorisations (each with its drift check), and neurons the line search walked through. */
    private long refactorisations;
    private long crossings;
    private boolean rebalancedInStall;
    private boolean blandMode;
    private boolean refactorRequested;
    /** True from a successful refactorisation until the next pivot changes the state. */
    private boolean fresh;
    private final long startNanos;

    VertexWalk(ReluProgram program, PivotRule rule, SolverOptions options, StepListener listener) {
        this.program = program;
        this.separable = program instanceof SeparableProgram s ? s : null;
        this.rule = rule;
        this.options = options;
        this.listener = listener == null ? StepListener.NONE : listener;
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
        this.candidateT = new double[m];
        this.candidateW = new double[m];
        this.candidateJ = new int[m];
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
        this.passThrough = options.passThrough() && convexSeparable;
        this.crossing = options.passThrough() && separable == null ? new CrossingLineSearch(program, positionOf) : null;
        this.startNanos = System.nanoTime();
    }

    SolveResult solve(double[] x0) {
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
            if (refactorRequested || pivotsSinceRefactor >= options.refactorInterval()) {
                String trouble = refactor();
                if (trouble != null) return finish(SolveStatus.NUMERICAL_FAILURE, trouble);
            }
            price();
            int edge = chooseEdge();
            if (edge == NO_EDGE) {
                edge = blockedFlatEdge();
                if (edge == NO_EDGE) return finishAtMinimum();
            } else if (edge < -1) {
                return finish(SolveStatus.FAILED, faultMessage);
            }
            int outcome = pivot(edge);
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

    /** Returns an improving edge, NO_EDGE when none improves, or -2 when the pivot rule misbehaved. */
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
        if (blandMode) return blandEdge();
        int chosen;
        try {
            chosen = rule.choose(this);
        } catch (RuntimeException | StackOverflowError e) {
            faultMessage = "pivot rule threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
            listener.onPluginFault("pivot rule", e);
            return -2;
        }
        if (chosen < 0 || chosen >= 2 * n || !improving(chosen)) {
            faultMessage = "pivot rule chose edge " + chosen + ", which is not an improving edge of the "
                    + 2 * n + " at this vertex";
            return -2;
        }
        return chosen;
    }

    /** Bland's rule: the improving edge of the smallest neuron index; it provably ends degenerate cycles. */
    private int blandEdge() {
        int best = NO_EDGE;
        for (int e = 0; e < 2 * n; e++) {
            if (improving(e) && (best == NO_EDGE || critical[e / 2] < critical[best / 2])) best = e;
        }
        return best;
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
            if (blockingNeuron(dzTrial) >= 0) return e;
            for (int i = 0; i < n; i++) trialDirection[i] = -trialDirection[i];
            program.directional(trialDirection, dzTrial);
            if (blockingNeuron(dzTrial) >= 0) return e ^ 1;
            flatFree[k] = true;
        }
        return NO_EDGE;
    }

    // ---------------------------------------------------------------- pivoting

    private static final int MOVED = 0;
    private static final int UNBOUNDED = 1;
    private static final int STALE = 2;

    private int pivot(int edge) {
        fresh = false;
        int k = edge / 2;
        int leaving = critical[k];
        boolean otherSide = (edge & 1) == 1;
        int flips = 0;
        if (otherSide) {
            if (leaving < 0) {
                freeSign[k] = -freeSign[k];
                negateRow(k);
            } else {
                changeRegion(k);
                flips = 1;
            }
        }
        System.arraycopy(directions, k * n, direction, 0, n);
        double gamma = program.directional(direction, dz);
        lastDirectionNorm = Math.sqrt(dot(direction, direction));
        double expected = slope[edge];
        if (gamma > expected + 10 * slopeTolerance[edge] + 1e-3 * Math.abs(expected)
                || (expected < 0 && gamma >= 0 && critical[k] >= 0)) {
            return STALE;
        }
        int entering;
        if (passThrough && !blandMode) {
            if (!passThroughSearch(dz, gamma, slopeTolerance[edge])) return UNBOUNDED;
            entering = candidateJ[stopIndex];
            for (int q = 0; q < stopIndex; q++) program.flip(candidateJ[q]);
            flips += stopIndex;
            crossings += stopIndex;
        } else if (crossing != null && !blandMode) {
            entering = crossing.search(direction, dz, gamma, slopeTolerance[edge], rateFloor(dz));
            if (entering < 0) return UNBOUNDED;
            lineStep = crossing.step;
            lineDecrease = crossing.decrease;
            flips += crossing.crossings();
            crossings += crossing.crossings();
        } else {
            entering = blockingNeuron(dz);
            if (entering < 0) return UNBOUNDED;
            double rate = orientedRate(entering, dz);
            lineStep = Math.max(0, oriented(entering)) / -rate;
            lineDecrease = -gamma * lineStep;
        }
        double pivotRate = orientedRate(entering, dz);
        program.advance(lineStep, direction, dz);
        if (crossing != null && !blandMode && crossing.needsRefresh() && !program.exactFlips()) program.refresh();
        objective -= lineDecrease;
        replace(k, entering, pivotRate);
        regionChanges += flips;
        iterations++;
        pivotsSinceRefactor++;
        Arrays.fill(flatFree, false);
        if (blandMode) blandPivots++;
        if (lineStep > 0 && lineDecrease > 0) {
            zeroSteps = 0;
            blandMode = false;
            rebalancedInStall = false;
        } else {
            totalZeroSteps++;
            if (++zeroSteps >= options.zeroStepLimit()) {
                // a stall: first re-side the neurons at their kink (cheap, often ends it), then Bland
                if (!rebalancedInStall && rebalanceKinks()) zeroSteps = 0;
                else blandMode = true;
                rebalancedInStall = true;
            }
        }
        listener.onStep(iterations, objective, lineStep, entering, leaving, flips, System.nanoTime() - startNanos);
        return MOVED;
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
     * Harris' two-pass ratio test: the neuron that blocks first, preferring among near-ties the one
     * with the largest rate (a well-conditioned pivot), or in Bland mode the smallest index.
     */
    private int blockingNeuron(double[] rates) {
        double rateFloor = rateFloor(rates);
        double bound = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (positionOf[j] >= 0) continue;
            double rate = orientedRate(j, rates);
            if (rate >= -floorOf(j, rateFloor)) continue;
            double t = (Math.max(0, oriented(j)) + zTolerance[j]) / -rate;
            if (t < bound) bound = t;
        }
        if (bound == Double.POSITIVE_INFINITY) return -1;
        int best = -1;
        double bestRate = 0;
        for (int j = 0; j < m; j++) {
            if (positionOf[j] >= 0) continue;
            double rate = orientedRate(j, rates);
            if (rate >= -floorOf(j, rateFloor)) continue;
            double t = Math.max(0, oriented(j)) / -rate;
            if (t > bound) continue;
            if (-rate > bestRate) {
                bestRate = -rate;
                best = j;
            }
        }
        if (blandMode) {
            // Bland's smallest index, but only among well-conditioned ties: a tiny pivot would make
            // the basis numerically singular.
            for (int j = 0; j < m; j++) {
                if (positionOf[j] >= 0) continue;
                double rate = orientedRate(j, rates);
                if (-rate < BLAND_PIVOT_FRACTION * bestRate) continue;
                if (Math.max(0, oriented(j)) / -rate <= bound) return j;
            }
        }
        return best;
    }

    /**
     * Pass-through line search on a convex separable program: walk along the direction through every
     * breakpoint while the slope stays negative. Finds the stopping breakpoint by weighted selection
     * in expected linear time. Leaves candidates[0, stopIndex) as the neurons crossed.
     *
     * @return false when the slope stays negative past every breakpoint (unbounded)
     */
    private boolean passThroughSearch(double[] rates, double gamma, double slopeTol) {
        collectCandidates(rates);
        double need = -gamma - slopeTol;
        int lo = 0, hi = candidateCount;
        stopIndex = -1;
        boolean first = true;
        while (hi > lo) {
            if (hi - lo <= 16) {
                sortRange(lo, hi);
                for (int q = lo; q < hi; q++) {
                    need -= candidateW[q];
                    if (need <= 0) {
                        stopIndex = q;
                        break;
                    }
                }
                break;
            }
            double pivotT = first ? sampledStop(need) : medianOfThree(lo, hi);
            first = false;
            int lt = lo, gt = hi, q = lo;
            while (q < gt) {
                double t = candidateT[q];
                if (t < pivotT) swap(lt++, q++);
                else if (t > pivotT) swap(q, --gt);
                else q++;
            }
            double left = 0;
            for (int i = lo; i < lt; i++) left += candidateW[i];
            if (lt > lo && left >= need) {
                hi = lt;
                continue;
            }
            need -= left;
            boolean found = false;
            for (int i = lt; i < gt; i++) {
                need -= candidateW[i];
                if (need <= 0) {
                    stopIndex = i;
                    found = true;
                    break;
                }
            }
            if (found) break;
            lo = gt;
        }
        if (stopIndex < 0) return false;
        lineStep = candidateT[stopIndex];
        double decrease = -gamma * lineStep;
        for (int q = 0; q < stopIndex; q++) decrease -= candidateW[q] * (lineStep - candidateT[q]);
        lineDecrease = Math.max(0, decrease);
        return true;
    }

    private void collectCandidates(double[] rates) {
        double rateFloor = rateFloor(rates);
        double[] z = program.preactivations();
        boolean[] high = program.highSide();
        int count = 0;
        double total = 0;
        for (int j = 0; j < m; j++) {
            if (positionOf[j] >= 0) continue;
            double rate = high[j] ? rates[j] : -rates[j];
            if (rate >= -rateFloor * normalNorm[j]) continue;
            double w = -rate * kink[j];
            candidateT[count] = Math.max(0, high[j] ? z[j] : -z[j]) / -rate;
            candidateW[count] = w;
            candidateJ[count] = j;
            total += w;
            count++;
        }
        candidateCount = count;
        candidateWeight = total;
    }

    /** Candidates in a sample of the pass-through search, to guess where it stops. */
    private static final int STOP_SAMPLE = 64;
    private final double[] sampleT = new double[STOP_SAMPLE];
    private final double[] sampleW = new double[STOP_SAMPLE];
    private double candidateWeight;

    /**
     * A first partition point for the weighted selection: from an evenly spaced sample of the
     * candidates, the breakpoint where the sample's cumulative weight, scaled to all candidates,
     * passes 1.5 times the weight needed. The search usually stops early, so partitioning there
     * leaves a small part to select in instead of halving all candidates again and again.
     */
    private double sampledStop(double need) {
        int count = candidateCount;
        if (count <= 4 * STOP_SAMPLE) return medianOfThree(0, count);
        double sampled = 0;
        for (int s = 0; s < STOP_SAMPLE; s++) {
            int q = (int) ((long) s * count / STOP_SAMPLE);
            double t = candidateT[q], w = candidateW[q];
            int at = s;
            while (at > 0 && sampleT[at - 1] > t) {
                sampleT[at] = sampleT[at - 1];
                sampleW[at] = sampleW[at - 1];
                at--;
            }
            sampleT[at] = t;
            sampleW[at] = w;
            sampled += w;
        }
        if (!(sampled > 0)) return medianOfThree(0, count);
        double scale = candidateWeight / sampled, cumulative = 0;
        for (int s = 0; s < STOP_SAMPLE; s++) {
            cumulative += sampleW[s] * scale;
            if (cumulative >= 1.5 * need) return sampleT[Math.min(STOP_SAMPLE - 1, s + 1)];
        }
        return medianOfThree(0, count);
    }

    /**
     * Rates below the floor count as zero (the neuron runs parallel to the edge). On separable
     * programs the floor is relative to |a_j| |d| (returned here as the factor to multiply |a_j| by);
     * otherwise relative to the largest rate. The {@code rates} passed belong to the current
     * direction, whose norm is in {@link #lastDirectionNorm}.
     */
    private double rateFloor(double[] rates) {
        if (separable != null) return RATE_EPSILON * lastDirectionNorm;
        double maxRate = 0;
        for (int j = 0; j < m; j++) {
            if (positionOf[j] < 0) maxRate = Math.max(maxRate, Math.abs(rates[j]));
        }
        return RATE_EPSILON * maxRate;
    }

    private double floorOf(int j, double rateFloor) {
        return separable != null ? rateFloor * normalNorm[j] : rateFloor;
    }

    private double medianOfThree(int lo, int hi) {
        double a = candidateT[lo], b = candidateT[(lo + hi) >>> 1], c = candidateT[hi - 1];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private void sortRange(int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            for (int j = i; j > lo && candidateT[j - 1] > candidateT[j]; j--) swap(j - 1, j);
        }
    }

    private void swap(int a, int b) {
        double t = candidateT[a];
        candidateT[a] = candidateT[b];
        candidateT[b] = t;
        double w = candidateW[a];
        candidateW[a] = candidateW[b];
        candidateW[b] = w;
        int j = candidateJ[a];
        candidateJ[a] = candidateJ[b];
        candidateJ[b] = j;
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
        refactorisations++;
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
        if (!rebase && Math.abs(recomputed - objective) > 1e-7 * (Math.abs(recomputed) + objectiveScale) + 1e-9 * termScale
                + 1e-300) {
            return "tracked objective " + objective + " drifted from the recomputed " + recomputed;
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
        return new SolveResult(status, recomputed, program.point().clone(), iterations, regionChanges, seconds(),
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
            if (passThrough) {
                value = passThroughSearch(dzTrial, gamma, slopeTolerance[e]) ? lineDecrease : Double.POSITIVE_INFINITY;
            } else {
                int r = blockingNeuron(dzTrial);
                value = r < 0 ? Double.POSITIVE_INFINITY
                        : -gamma * Math.max(0, oriented(r)) / -orientedRate(r, dzTrial);
            }
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

    // ---------------------------------------------------------------- checks against recomputation

    /** The direction of edge e at the current vertex (a copy), for tests of F1 and F2. */
    double[] edgeDirection(int e) {
        double[] out = new double[n];
        copyEdgeDirection(e, out);
        return out;
    }

    /** Prices the edges afresh and returns the slopes (a copy), for tests. */
    double[] pricedSlopes() {
        price();
        return slope.clone();
    }

    /**
     * Largest deviation of the maintained edge directions from A^-1 recomputed from the critical
     * normals, relative to the largest entry; does not change the walk's state.
     */
    double directionDrift() {
        RealMatrix matrix = new Array2DRowRealMatrix(n, n);
        for (int k = 0; k < n; k++) {
            int neuron = critical[k];
            if (neuron < 0) {
                matrix.setEntry(k, coordinateOf(neuron), freeSign[k]);
            } else {
                program.normal(neuron, normalWork);
                double sign = program.highSide()[neuron] ? 1 : -1;
                for (int i = 0; i < n; i++) matrix.setEntry(k, i, sign * normalWork[i]);
            }
        }
        RealMatrix inverse = new LUDecomposition(matrix).getSolver().getInverse();
        double drift = 0, largest = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                drift = Math.max(drift, Math.abs(inverse.getEntry(i, k) - directions[k * n + i]));
                largest = Math.max(largest, Math.abs(directions[k * n + i]));
            }
        }
        return drift / Math.max(1, largest);
    }

    long iterationCount() {
        return iterations;
    }

    long regionChangeCount() {
        return regionChanges;
    }

    long refactorCount() {
        return refactorisations;
    }

    long crossingCount() {
        return crossings;
    }

    long zeroStepCount() {
        return totalZeroSteps;
    }

    long blandPivotCount() {
        return blandPivots;
    }

    long rebalanceCount() {
        return rebalances;
    }

    /**
     * Stall at a degenerate vertex of a convex separable program: gives the non-critical neurons at
     * their kink the sides {@link KinkBalance} chooses. Only the gradient changes.
     *
     * @return whether any neuron changed side
     */
    private boolean rebalanceKinks() {
        if (separable == null || !passThrough) return false;
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
        if (changed) rebalances++;
        return changed;
    }

    /** Neuron or free-direction code at each critical position (a copy). */
    int[] criticalSet() {
        return critical.clone();
    }

    // ---------------------------------------------------------------- primitives, for the JMH benchmarks (bench/jmh)

    /** Harris' ratio test along d_k at the current vertex: one directional pass, then the two passes. */
    int ratioTest(int k) {
        System.arraycopy(directions, k * n, trialDirection, 0, n);
        program.directional(trialDirection, dzTrial);
        lastDirectionNorm = Math.sqrt(dot(trialDirection, trialDirection));
        return blockingNeuron(dzTrial);
    }

    /**
     * The pass-through line search along d_k as if its slope were {@code gamma} (negative): one
     * directional pass, the candidate collection and the weighted selection. Returns the step.
     */
    double passThroughStep(int k, double gamma) {
        System.arraycopy(directions, k * n, trialDirection, 0, n);
        program.directional(trialDirection, dzTrial);
        lastDirectionNorm = Math.sqrt(dot(trialDirection, trialDirection));
        return passThroughSearch(dzTrial, gamma, 0) ? lineStep : Double.POSITIVE_INFINITY;
    }

    /** Prices every edge at the current vertex. */
    void priceEdges() {
        price();
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
