package org.drlp.model.relu;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.ReluProgram;

/**
 * Training layer l of a fixed network with a piecewise-linear loss of the residual F(x_i) - y_i:
 * the input is theta = (w_k1..w_kd, b_k) for k = 1..n_l, the layer's parameters neuron by neuron.
 *
 * <p>The network in theta is N independent branches, one per data point, stored branch-major:
 * branch i owns neurons i*B .. i*B + B - 1, where B = {@link #branchSize()}. Inside a branch the
 * first {@link #hiddenPerBranch()} neurons are the hidden units of layers l..L, layer by layer
 * (layer l's unit k is local index k, with z = w_k . h_{l-1}(x_i) + b_k), slopes (0, 1); then one
 * neuron per kink q of the loss, z = F(x_i) - y_i - kink_q.at, with the kink's slopes. For
 * l = L+1 a branch holds only the kink neurons and F(x_i) = theta . (h_L(x_i), 1).
 *
 * <p>Costs: directional, advance, refresh and value are one pass over the data, O(N B) plus the
 * deeper layers' weights per branch; flipEffect costs O(branch + n) and touches only the branch
 * of the neuron; normal and flip O(branch + n); gradient O(n) (kept up to date per flipped branch).
 *
 * <p>Threads: directional, advance and the forward part of refresh run on {@code threads} threads
 * (a {@link ChunkPool} of the program's own). The rows are cut into chunks of
 * {@link #ROWS_PER_CHUNK} consecutive rows whatever the number of threads; each chunk writes only
 * its own branches, and the directional derivative g . v is the sum, in chunk order, of the chunks'
 * sums over their rows in row order. So the program computes the same bits on any number of
 * threads; the gradient is accumulated on the caller's thread in row order. The solver's
 * collection of the breakpoints runs on the same pool ({@link #forEachChunk}).
 *
 * <p>Rows left out ({@link #directionalWithin}): a branch's pattern cannot change while theta moves
 * less than its certified distance r_i = min_j |z_j| / |nu_j| from where r_i was computed, since
 * the region is the polyhedron of the branch's linear preactivations. The normals' norms are
 * |(h, 1)| |d z_j / d base| (the blocks of theta are orthogonal), kept per neuron and recomputed
 * after a flip in the branch. The program counts the path theta has walked; a branch is computed
 * when its distance, less the path since, is within a few mean steps, and otherwise left out with
 * its preactivations as they were (brought up to date from theta when next computed, or by
 * {@link #value}, {@link #directional} and {@link #refresh}). The walk is the same walk, not the
 * same bits: preactivations recomputed from theta differ from advanced ones in the last bits.
 */
public final class LayerTrainingProgram implements ReluProgram {

    private final int layer;
    private final int points;
    private final int featureWidth;     // d = n_{l-1}
    private final int stride;           // d + 1: one block of theta
    private final int baseWidth;        // n_l (1 for the output layer)
    private final int hidden;           // hidden neurons per branch
    private final int branchSize;
    private final double[] features;    // h_{l-1}(x_i), row-major N x d, fixed
    private final double[] targets;
    private final double[] kinkAt;
    private final double[] kinkLow;
    private final double[] kinkHigh;
    private final boolean convex;
    private final LayerStack stack;
    /** Per worker of the pool: its own stack (the stack's work arrays) and base values. */
    private final LayerStack[] stacks;
    private final double[][] bases;
    private final double[][] adjoints;
    /** Per worker: a branch's bounds of |d z / d base| (see {@link #branchInverseNorms}). */
    private final double[][] bounds;
    private final ChunkPool pool;
    private final int chunkCount;
    /** Per chunk: the chunk's part of g . v in {@link #directional}. */
    private final double[] chunkTotal;
    private final ChunkPool.Task directionalTask = this::directionalChunk;
    private final ChunkPool.Task advanceTask = this::advanceChunk;
    private final ChunkPool.Task forwardTask = this::forwardChunk;
    private final ChunkPool.Task withinTask = this::withinChunk;
    private final ChunkPool.Task staleTask = this::staleChunk;
    /** The solver's chunk task while {@link #forEachChunk} runs it on the pool. */
    private IntConsumer solverChunk;
    private final ChunkPool.Task solverTask = (chunk, worker) -> solverChunk.accept(chunk);
    // arguments of the pass the pool runs
    private double[] passDz;
    private double passStep;
    private boolean passSetSides;

    /** Rows per chunk of a parallel pass: fixed, so that the reduction order does not depend on the threads. */
    static final int ROWS_PER_CHUNK = 64;

    private final double[] theta;
    private final double[] z;
    private final boolean[] high;
    private final double[] coefficient; // per branch: dLoss_i/d(base), n_l values; its gradient is sum_k c_k (h, 1) in block k
    private final double[] gradient;
    /**
     * Per block k, the number of branches with a non-zero coefficient c_k. When it drops to zero the
     * block's gradient is set to exactly zero, so that the incremental updates leave no round-off
     * behind on flat directions (dead units, points inside a flat part of the loss): the solver
     * would read such a residue as a descent direction.
     */
    private final int[] contributors;

    private final double[] base;
    private final double[] adjoint;
    private final double[] coefficientWork;
    private final double[] dzBranch;
    private final double[] delta;
    private final double[] transposedDirection;
    /** theta column-major, as {@link #transposedDirection}: the stale branches' preactivations come from it. */
    private final double[] transposedPoint;
    private final double[] gradientColumns;

    // ---- rows left out of a pass (see the class comment)
    /** Per branch: |(h_{l-1}(x_i), 1)|. */
    private final double[] featureNorm;
    /**
     * Per neuron: 1 / |nu_j| rounded up to a float, or Float.MAX_VALUE when no parameter moves z_j:
     * a stream read in every pass, so half the size of a double.
     */
    private final float[] inverseNorm;
    /** Per branch: its pattern changed since its norms were computed. */
    private final boolean[] normsDirty;
    /** Per branch: the path at which theta may first reach its nearest kink (the path when computed plus r_i). */
    private final double[] expiry;
    /** Per branch computed by the last pass: the first step along its line at which a neuron reaches its kink. */
    private final double[] firstKink;
    /** Per branch: its preactivations are those of an earlier theta. */
    private final boolean[] stale;
    private int staleCount;
    /** Per branch: computed by the last pass (the view {@link #computedGroups} gives after {@link #directionalWithin}). */
    private final boolean[] computed;
    /** Per chunk: the smallest distance left (expiry - path) of the branches it left out. */
    private final double[] chunkLeft;
    /** Length of the path theta has walked since the last reset. */
    private double path;
    /** Mean length of the recent steps, NaN before the first. */
    private double meanStep = Double.NaN;
    /** The last pass was {@link #directionalWithin}: advance moves only the computed branches. */
    private boolean within;
    /**
     * An advance of the computed branches not yet applied to z: the next {@link #directionalWithin}
     * applies it to each branch just before computing its rates (the branch's z and rates are then
     * read once per pivot, not twice), and whatever reads z first applies it to all.
     */
    private boolean pending;
    private double pendingStep;
    private double[] pendingDz;
    /** The pass in progress applies the pending advance branch by branch. */
    private boolean fusePending;
    /** |v| and the rates of the last {@link #directionalWithin}, for {@link #extend}. */
    private double directionNorm;
    private double[] withinDz;
    private double reach = Double.POSITIVE_INFINITY;
    /** A branch left out is computed again when its distance left is within this many mean steps. */
    static final double LOOKAHEAD = 3;
    /**
     * A computed branch is left out only when its distance left exceeds this many mean steps: coming
     * back costs a forward pass besides the rates, so leaving a branch out for a pivot or two gains
     * nothing.
     */
    static final double LEAVE_OUT = 6;
    /** Weight of the latest step in the mean. */
    private static final double STEP_WEIGHT = 0.1;
    /** Certified distances are taken this much shorter, for the round-off in z and the norms. */
    private static final double DISTANCE_MARGIN = 0.999;

    /**
     * @param network the fixed network; its layer {@code layer} is replaced by theta
     * @param layer   1..L+1
     * @param inputs  network inputs, row-major, N x n_0
     * @param targets y_i, N values
     */
    public LayerTrainingProgram(Network network, int layer, double[] inputs, double[] targets,
                                PiecewiseLinearLoss loss) {
        this(network, layer, inputs, targets, loss, 1);
    }

    /**
     * @param threads threads of the passes over the data (1 or more); the results are the same
     *                for any number (see the class comment)
     */
    public LayerTrainingProgram(Network network, int layer, double[] inputs, double[] targets,
                                PiecewiseLinearLoss loss, int threads) {
        if (layer < 1 || layer > network.hiddenLayers() + 1) {
            throw new IllegalArgumentException("layer " + layer + " does not exist; the network has layers 1.."
                    + (network.hiddenLayers() + 1));
        }
        int inputWidth = network.inputDimension();
        if (targets.length == 0 || inputs.length != targets.length * inputWidth) {
            throw new IllegalArgumentException("need N >= 1 rows of " + inputWidth + " inputs and N targets, got "
                    + inputs.length + " inputs and " + targets.length + " targets");
        }
        for (double y : targets) {
            if (!Double.isFinite(y)) throw new IllegalArgumentException("targets must be finite, got " + y);
        }
        this.layer = layer;
        this.points = targets.length;
        this.featureWidth = network.width(layer - 1);
        this.stride = featureWidth + 1;
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.stacks = new LayerStack[threads];
        for (int w = 0; w < threads; w++) stacks[w] = new LayerStack(network, layer);
        this.stack = stacks[0];
        this.baseWidth = stack.baseWidth();
        this.hidden = stack.neurons();
        List<PiecewiseLinearLoss.Kink> kinks = loss.kinks();
        if (kinks.isEmpty()) throw new IllegalArgumentException("the loss has no kinks");
        kinkAt = new double[kinks.size()];
        kinkLow = new double[kinks.size()];
        kinkHigh = new double[kinks.size()];
        for (int q = 0; q < kinks.size(); q++) {
            kinkAt[q] = kinks.get(q).at();
            kinkLow[q] = kinks.get(q).lowSlope();
            kinkHigh[q] = kinks.get(q).highSlope();
        }
        this.branchSize = hidden + kinks.size();
        this.convex = hidden == 0 && loss.isConvex();
        this.targets = targets.clone();
        this.features = new double[points * featureWidth];
        double[] row = new double[inputWidth];
        for (int i = 0; i < points; i++) {
            System.arraycopy(inputs, i * inputWidth, row, 0, inputWidth);
            System.arraycopy(network.activations(row, layer - 1), 0, features, i * featureWidth, featureWidth);
        }
        int n = baseWidth * stride;
        theta = new double[n];
        z = new double[Math.multiplyExact(points, branchSize)];
        high = new boolean[z.length];
        coefficient = new double[points * baseWidth];
        gradient = new double[n];
        contributors = new int[baseWidth];
        bases = new double[threads][baseWidth];
        adjoints = new double[threads][baseWidth];
        bounds = new double[threads][Math.max(1, hidden)];
        base = bases[0];
        adjoint = adjoints[0];
        chunkCount = (points + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        chunkTotal = new double[chunkCount];
        pool = new ChunkPool(threads);
        coefficientWork = new double[baseWidth];
        dzBranch = new double[hidden];
        delta = new double[hidden];
        transposedDirection = new double[n];
        transposedPoint = new double[n];
        gradientColumns = new double[n];
        featureNorm = new double[points];
        for (int i = 0; i < points; i++) {
            double squared = 1;
            for (int c = 0; c < featureWidth; c++) squared += features[i * featureWidth + c] * features[i * featureWidth + c];
            featureNorm[i] = Math.sqrt(squared);
        }
        inverseNorm = new float[z.length];
        normsDirty = new boolean[points];
        expiry = new double[points];
        firstKink = new double[points];
        stale = new boolean[points];
        computed = new boolean[points];
        chunkLeft = new double[chunkCount];
    }

    /** The trained layer l (1-based). */
    public int layer() {
        return layer;
    }

    /** N, the number of data points (branches). */
    public int points() {
        return points;
    }

    /** B: neurons per branch; branch i owns neurons i*B .. i*B + B - 1. */
    public int branchSize() {
        return branchSize;
    }

    /** Hidden units per branch (layers l..L); the loss kinks follow them. 0 when l = L+1. */
    public int hiddenPerBranch() {
        return hidden;
    }

    @Override
    public int dimension() {
        return theta.length;
    }

    @Override
    public int neuronCount() {
        return z.length;
    }

    @Override
    public void reset(double[] point) {
        if (point.length != theta.length) {
            throw new IllegalArgumentException("point has " + point.length + " entries, expected " + theta.length);
        }
        System.arraycopy(point, 0, theta, 0, theta.length);
        pending = false;
        pendingDz = null;
        forwardAll(true);
        staleCount = 0;
        Arrays.fill(stale, false);
        Arrays.fill(normsDirty, true);
        Arrays.fill(expiry, Double.NEGATIVE_INFINITY);
        within = false;
        path = 0;
        meanStep = Double.NaN;
    }

    @Override
    public double[] point() {
        return theta;
    }

    @Override
    public double[] preactivations() {
        applyPending();
        return z;
    }

    @Override
    public boolean[] highSide() {
        return high;
    }

    @Override
    public double value() {
        applyPending();
        bringUpToDate();
        double sum = 0;
        for (int i = 0; i < points; i++) {
            int kinks = i * branchSize + hidden;
            for (int q = 0; q < kinkAt.length; q++) {
                sum += (high[kinks + q] ? kinkHigh[q] : kinkLow[q]) * z[kinks + q];
            }
        }
        return sum;
    }

    @Override
    public void gradient(double[] out) {
        System.arraycopy(gradient, 0, out, 0, gradient.length);
    }

    /** Threads of the passes over the data. */
    public int threads() {
        return pool.threads();
    }

    @Override
    public double directional(double[] v, double[] dz) {
        applyPending();
        bringUpToDate();
        within = false;
        directionNorm = norm(v);
        transpose(v, transposedDirection);
        passDz = dz;
        pool.run(directionalTask, chunkCount);
        passDz = null;
        double total = 0;
        for (int c = 0; c < chunkCount; c++) total += chunkTotal[c];
        return total;
    }

    private void directionalChunk(int chunk, int worker) {
        double[] dz = passDz, into = bases[worker];
        LayerStack own = stacks[worker];
        int end = Math.min(points, (chunk + 1) * ROWS_PER_CHUNK);
        double total = 0;
        for (int i = chunk * ROWS_PER_CHUNK; i < end; i++) total += lossSlope(i) * branchRates(i, dz, own, into);
        chunkTotal[chunk] = total;
    }

    /** Branch i's rates along the direction last transposed into dz[off..]; returns the fit's rate. */
    private double branchRates(int i, double[] dz, LayerStack stack, double[] into) {
        int off = i * branchSize;
        double fit = stack.forwardDirection(baseOfTransposed(i, transposedDirection, into), dz, off, high, off);
        for (int q = 0; q < kinkAt.length; q++) dz[off + hidden + q] = fit;
        return fit;
    }

    /** Branches are the groups a pass may leave out. */
    @Override
    public int groupSize() {
        return branchSize;
    }

    /**
     * The rates of the branches whose certified distance, less the path since it was computed, is
     * within {@link #LOOKAHEAD} mean steps, or {@link #LEAVE_OUT} for a branch computed last time;
     * the others are left out. g . v is the gradient's, so it
     * covers every branch.
     */
    @Override
    public double directionalWithin(double[] v, double[] dz) {
        within = true;
        directionNorm = norm(v);
        withinDz = dz;
        transpose(v, transposedDirection);
        if (staleCount > 0) transpose(theta, transposedPoint);
        if (pending && pendingDz != dz) applyPending();
        fusePending = pending;
        pending = false;
        passDz = dz;
        pool.run(withinTask, chunkCount);
        passDz = null;
        fusePending = false;
        pendingDz = null;
        double left = Double.POSITIVE_INFINITY;
        for (int c = 0; c < chunkCount; c++) left = Math.min(left, chunkLeft[c]);
        reach = left / directionNorm;
        return dot(gradient, v);
    }

    private void withinChunk(int chunk, int worker) {
        double[] dz = passDz, into = bases[worker], scratch = adjoints[worker];
        LayerStack own = stacks[worker];
        int end = Math.min(points, (chunk + 1) * ROWS_PER_CHUNK);
        // before the first step every branch is computed
        double comeBack = horizon(LOOKAHEAD), leaveOut = horizon(LEAVE_OUT), left = Double.POSITIVE_INFINITY;
        for (int i = chunk * ROWS_PER_CHUNK; i < end; i++) {
            // the last pass computed it: the advance since is pending (dz still holds its rates)
            if (fusePending && computed[i]) advanceBranch(i, pendingStep, dz);
            double distanceLeft = expiry[i] - path;
            if (distanceLeft > (stale[i] ? comeBack : leaveOut)) {
                computed[i] = false;
                left = Math.min(left, distanceLeft);
                continue;
            }
            computeBranch(i, dz, own, into, bounds[worker], scratch);
        }
        chunkLeft[chunk] = left;
    }

    /** {@code steps} mean steps, infinite before the first step. */
    private double horizon(double steps) {
        return Double.isNaN(meanStep) ? Double.POSITIVE_INFINITY : steps * meanStep;
    }

    /** Brings branch i's preactivations up to date, computes its rates and its certified distance. */
    private void computeBranch(int i, double[] dz, LayerStack stack, double[] into, double[] bound, double[] scratch) {
        if (stale[i]) {
            branchForward(i, baseOfTransposed(i, transposedPoint, into), false, stack);
            stale[i] = false;
        }
        branchRates(i, dz, stack, into);
        if (normsDirty[i]) branchInverseNorms(i, stack, bound, scratch);
        int off = i * branchSize;
        // without a branch on the neuron (which way a rate points is a coin toss), as the collection
        double nearest = Double.POSITIVE_INFINITY, first = Double.POSITIVE_INFINITY;
        for (int j = off; j < off + branchSize; j++) {
            double side = (high[j] ? 2 : 0) - 1;
            double toKink = Math.abs(z[j]) * inverseNorm[j];
            nearest = toKink < nearest ? toKink : nearest;
            double oriented = side * z[j], rate = side * dz[j];
            double step = (oriented > 0 ? oriented : 0) / -rate;
            first = (rate < 0) & (step < first) ? step : first;
        }
        firstKink[i] = first;
        expiry[i] = path + DISTANCE_MARGIN * nearest;
        computed[i] = true;
    }

    /** 1 / |nu_j| (or 1 / a bound of it, see {@link LayerStack#adjointNorms}) for branch i's neurons under its current pattern. */
    private void branchInverseNorms(int i, LayerStack stack, double[] bound, double[] scratch) {
        int off = i * branchSize;
        double rowNorm = featureNorm[i];
        float output = inverse(rowNorm * stack.adjointNorms(high, off, bound, scratch));
        for (int local = 0; local < hidden; local++) inverseNorm[off + local] = inverse(rowNorm * bound[local]);
        for (int q = 0; q < kinkAt.length; q++) inverseNorm[off + hidden + q] = output;
        normsDirty[i] = false;
    }

    private static float inverse(double norm) {
        return norm > 0 ? Math.nextUp((float) (1 / norm)) : Float.MAX_VALUE;
    }

    @Override
    public boolean[] computedGroups() {
        return within ? computed : null;
    }

    @Override
    public double[] groupSteps() {
        return within ? firstKink : null;
    }

    @Override
    public double reach() {
        return within ? reach : Double.POSITIVE_INFINITY;
    }

    /**
     * Computes the left-out branches whose distance left is within twice the path to {@code step}
     * (all of them for an infinite step), on the caller's thread: the line search asks rarely.
     */
    @Override
    public double extend(double step, IntConsumer added) {
        if (!within) return Double.POSITIVE_INFINITY;
        double horizon = 2 * step * directionNorm, left = Double.POSITIVE_INFINITY;
        if (staleCount > 0) transpose(theta, transposedPoint);
        for (int i = 0; i < points; i++) {
            if (computed[i]) continue;
            double distanceLeft = expiry[i] - path;
            if (distanceLeft > horizon) {
                left = Math.min(left, distanceLeft);
                continue;
            }
            computeBranch(i, withinDz, stack, base, bounds[0], adjoint);
            added.accept(i);
        }
        reach = left / directionNorm;
        return reach;
    }

    /** Applies the pending advance to every branch the last pass computed. */
    private void applyPending() {
        if (!pending) return;
        pending = false;
        passDz = pendingDz;
        passStep = pendingStep;
        pool.run(advanceTask, chunkCount);
        passDz = null;
        pendingDz = null;
    }

    /** Recomputes the stale branches' preactivations from theta (their pattern is unchanged), on the pool. */
    private void bringUpToDate() {
        if (staleCount == 0) return;
        transpose(theta, transposedPoint);
        pool.run(staleTask, chunkCount);
        staleCount = 0;
    }

    private void staleChunk(int chunk, int worker) {
        double[] into = bases[worker];
        LayerStack own = stacks[worker];
        int end = Math.min(points, (chunk + 1) * ROWS_PER_CHUNK);
        for (int i = chunk * ROWS_PER_CHUNK; i < end; i++) {
            if (!stale[i]) continue;
            branchForward(i, baseOfTransposed(i, transposedPoint, into), false, own);
            stale[i] = false;
        }
    }

    @Override
    public void normal(int j, double[] out) {
        int i = j / branchSize, local = j - i * branchSize, off = i * branchSize;
        if (local < hidden) stack.neuronAdjoint(local, high, off, adjoint);
        else stack.outputAdjoint(high, off, adjoint);
        Arrays.fill(out, 0, theta.length, 0);
        int row = i * featureWidth;
        for (int k = 0; k < baseWidth; k++) {
            double a = adjoint[k];
            if (a == 0) continue;
            int block = k * stride;
            for (int c = 0; c < featureWidth; c++) out[block + c] = a * features[row + c];
            out[block + featureWidth] = a;
        }
    }

    @Override
    public double flipEffect(int k, double[] v, FlipSink sink) {
        int i = k / branchSize, local = k - i * branchSize, off = i * branchSize;
        if (local >= hidden) {
            double fit = stack.forwardDirection(baseOf(i, v), dzBranch, 0, high, off);
            int q = local - hidden;
            double slopeChange = high[k] ? kinkLow[q] - kinkHigh[q] : kinkHigh[q] - kinkLow[q];
            return slopeChange * fit;
        }
        // a hidden neuron needs only its own rate: for a base unit one dot product, not the branch
        double rate = stack.inBase(local) ? baseEntry(i, local, v) : stack.neuronDirection(local, baseOf(i, v), high, off);
        double outputChange = (high[k] ? -1 : 1) * rate;
        double fitChange = stack.propagateChange(local, outputChange, high, off, delta);
        for (int m = stack.firstDownstream(local); m < hidden; m++) {
            if (delta[m] != 0) sink.accept(off + m, delta[m]);
        }
        if (fitChange != 0) {
            for (int q = 0; q < kinkAt.length; q++) sink.accept(off + hidden + q, fitChange);
        }
        return lossSlope(i) * fitChange;
    }

    @Override
    public void flip(int k) {
        int i = k / branchSize, local = k - i * branchSize, off = i * branchSize;
        applyPending();
        if (stale[i]) bringUpToDate();
        // its distance was measured under the old pattern; a loss kink's side changes no normal
        if (local < hidden) normsDirty[i] = true;
        expiry[i] = Double.NEGATIVE_INFINITY;
        if (local < hidden) {
            // z_k is (nearly) zero when the walk pivots, not when its line search crosses k: carrying
            // the output change through keeps z exact under the new pattern either way (exactFlips)
            double outputChange = (high[k] ? -1 : 1) * z[k];
            high[k] = !high[k];
            if (outputChange != 0) {
                double fitChange = stack.propagateChange(local, outputChange, high, off, delta);
                for (int m = stack.firstDownstream(local); m < hidden; m++) z[off + m] += delta[m];
                for (int q = 0; q < kinkAt.length; q++) z[off + hidden + q] += fitChange;
            }
            if (stack.inBase(local)) {
                updateBranchCoefficient(i, local);
                return;
            }
        } else {
            high[k] = !high[k];
        }
        updateBranchGradient(i);
    }

    /** The solver's passes over the neurons run on this program's pool, with as many threads. */
    @Override
    public void forEachChunk(int chunks, IntConsumer chunk) {
        solverChunk = chunk;
        try {
            pool.run(solverTask, chunks);
        } finally {
            solverChunk = null;
        }
    }

    /** flip propagates the change of the neuron's output downstream, wherever z_k is. */
    @Override
    public boolean exactFlips() {
        return true;
    }

    @Override
    public void advance(double t, double[] v, double[] dz) {
        applyPending();
        for (int c = 0; c < theta.length; c++) theta[c] += t * v[c];
        double length = Math.abs(t) * directionNorm;
        path += length;
        if (!within) {
            passDz = dz;
            passStep = t;
            pool.run(advanceTask, chunkCount);
            passDz = null;
        } else {
            pending = true;
            pendingStep = t;
            pendingDz = dz;
            meanStep = Double.isNaN(meanStep) ? length : (1 - STEP_WEIGHT) * meanStep + STEP_WEIGHT * length;
            for (int i = 0; i < points; i++) {
                if (!computed[i] && !stale[i]) {
                    stale[i] = true;
                    staleCount++;
                }
            }
        }
    }

    private void advanceChunk(int chunk, int worker) {
        double[] dz = passDz;
        double t = passStep;
        int end = Math.min(points, (chunk + 1) * ROWS_PER_CHUNK);
        boolean all = !within;
        for (int i = chunk * ROWS_PER_CHUNK; i < end; i++) {
            if (all || computed[i]) advanceBranch(i, t, dz);
        }
    }

    private void advanceBranch(int i, double t, double[] dz) {
        for (int j = i * branchSize; j < (i + 1) * branchSize; j++) z[j] += t * dz[j];
    }

    @Override
    public void refresh() {
        pending = false;
        pendingDz = null;
        forwardAll(false);
        staleCount = 0;
        Arrays.fill(stale, false);
        within = false;
    }

    @Override
    public double scale(int j) {
        applyPending();
        bringUpToDate();
        int i = j / branchSize, local = j - i * branchSize, off = i * branchSize;
        if (local >= hidden) {
            double fit = hidden > 0 ? stack.outputScale(z, high, off) : baseScale(i, 0);
            return fit + Math.abs(targets[i]) + Math.abs(kinkAt[local - hidden]);
        }
        return stack.inBase(local) ? baseScale(i, local) : stack.scale(local, z, high, off);
    }

    /** True only for the output layer with a convex loss: then the program is a convex regression. */
    @Override
    public boolean isConvex() {
        return convex;
    }

    /**
     * Every branch's preactivations (and, when {@code setSides}, its pattern from the signs), then
     * its coefficients and the gradient, in one pass over the data. The gradient is accumulated
     * column-major (entry c of block k at c * n_l + k), so that each branch adds contiguous runs.
     */
    private void forwardAll(boolean setSides) {
        transpose(theta, transposedPoint);
        passSetSides = setSides;
        pool.run(forwardTask, chunkCount);
        Arrays.fill(gradientColumns, 0);
        Arrays.fill(contributors, 0);
        for (int i = 0; i < points; i++) {
            System.arraycopy(coefficient, i * baseWidth, coefficientWork, 0, baseWidth);
            int row = i * featureWidth;
            for (int k = 0; k < baseWidth; k++) {
                double a = coefficientWork[k];
                if (a != 0) contributors[k]++;
                gradientColumns[featureWidth * baseWidth + k] += a;
            }
            for (int c = 0; c < featureWidth; c++) {
                double h = features[row + c];
                int col = c * baseWidth;
                for (int k = 0; k < baseWidth; k++) gradientColumns[col + k] += h * coefficientWork[k];
            }
        }
        for (int k = 0; k < baseWidth; k++) {
            int block = k * stride;
            if (contributors[k] == 0) {
                Arrays.fill(gradient, block, block + stride, 0);
                continue;
            }
            for (int c = 0; c < stride; c++) gradient[block + c] = gradientColumns[c * baseWidth + k];
        }
    }

    /** The rows of one chunk: their preactivations, pattern (when {@link #passSetSides}) and coefficients. */
    private void forwardChunk(int chunk, int worker) {
        double[] into = bases[worker], scratch = adjoints[worker];
        LayerStack own = stacks[worker];
        boolean setSides = passSetSides;
        int end = Math.min(points, (chunk + 1) * ROWS_PER_CHUNK);
        for (int i = chunk * ROWS_PER_CHUNK; i < end; i++) {
            branchForward(i, baseOfTransposed(i, transposedPoint, into), setSides, own);
            branchCoefficients(i, coefficient, i * baseWidth, own, scratch);
        }
    }

    /** Branch i's preactivations from its base values (and, when {@code setSides}, its pattern from the signs). */
    private void branchForward(int i, double[] base, boolean setSides, LayerStack stack) {
        int off = i * branchSize;
        double residual = stack.forward(base, z, high, off, setSides) - targets[i];
        for (int q = 0; q < kinkAt.length; q++) {
            double value = residual - kinkAt[q];
            z[off + hidden + q] = value;
            if (setSides) high[off + hidden + q] = value > 0;
        }
    }

    /** u_k . (h_{l-1}(x_i), 1) for every block k of u: layer l's preactivations (u = theta) or their derivatives. */
    private double[] baseOf(int i, double[] u) {
        for (int k = 0; k < baseWidth; k++) base[k] = baseEntry(i, k, u);
        return base;
    }

    /** Copies u into {@code into} column-major: entry c of every block k at c * n_l + k. */
    private void transpose(double[] u, double[] into) {
        for (int k = 0; k < baseWidth; k++) {
            int block = k * stride;
            for (int c = 0; c < stride; c++) into[c * baseWidth + k] = u[block + c];
        }
    }

    /** {@link #baseOf} for a vector {@link #transpose}d into t: contiguous, vectorisable updates. */
    private double[] baseOfTransposed(int i, double[] t, double[] base) {
        int row = i * featureWidth;
        System.arraycopy(t, featureWidth * baseWidth, base, 0, baseWidth);
        int c = 0;
        // four features per sweep, each base entry getting its terms in feature order (as one at a time)
        for (; c + 3 < featureWidth; c += 4) {
            double h0 = features[row + c], h1 = features[row + c + 1], h2 = features[row + c + 2], h3 = features[row + c + 3];
            int c0 = c * baseWidth, c1 = c0 + baseWidth, c2 = c1 + baseWidth, c3 = c2 + baseWidth;
            for (int k = 0; k < baseWidth; k++) {
                double sum = base[k];
                sum += h0 * t[c0 + k];
                sum += h1 * t[c1 + k];
                sum += h2 * t[c2 + k];
                sum += h3 * t[c3 + k];
                base[k] = sum;
            }
        }
        for (; c < featureWidth; c++) {
            double h = features[row + c];
            int col = c * baseWidth;
            for (int k = 0; k < baseWidth; k++) base[k] += h * t[col + k];
        }
        return base;
    }

    /** |b_k| + sum |w_kc h_c|: the terms of layer-l unit k's preactivation on branch i. */
    private double baseScale(int i, int k) {
        int row = i * featureWidth, block = k * stride;
        double s = Math.abs(theta[block + featureWidth]);
        for (int c = 0; c < featureWidth; c++) s += Math.abs(theta[block + c] * features[row + c]);
        return s;
    }

    /** d loss_i / dF under the current sides of branch i's kinks. */
    private double lossSlope(int i) {
        int kinks = i * branchSize + hidden;
        double s = 0;
        for (int q = 0; q < kinkAt.length; q++) s += high[kinks + q] ? kinkHigh[q] : kinkLow[q];
        return s;
    }

    /** Writes branch i's d loss_i / d(base) under the current pattern into out[at..], with the stack's and adjoint's scratch. */
    private void branchCoefficients(int i, double[] out, int at, LayerStack stack, double[] adjoint) {
        double slope = lossSlope(i);
        if (slope == 0) {
            Arrays.fill(out, at, at + baseWidth, 0);
            return;
        }
        stack.outputAdjoint(high, i * branchSize, adjoint);
        for (int k = 0; k < baseWidth; k++) out[at + k] = slope * adjoint[k];
    }

    /** g += g_branch_new - g_branch_old for the one branch whose pattern changed. */
    private void updateBranchGradient(int i) {
        branchCoefficients(i, coefficientWork, 0, stack, adjoint);
        int at = i * baseWidth;
        for (int k = 0; k < baseWidth; k++) {
            double updated = coefficientWork[k], old = coefficient[at + k];
            contributors[k] += (updated != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
            coefficientWork[k] = updated - old;
            coefficient[at + k] = updated;
        }
        addToGradient(i, coefficientWork);
        for (int k = 0; k < baseWidth; k++) {
            if (contributors[k] == 0) Arrays.fill(gradient, k * stride, (k + 1) * stride, 0);
        }
    }

    /**
     * {@link #updateBranchGradient} after a flip of base unit k: only c_k can change (the stack's
     * baseAdjoint), and the other entries would be recomputed to the same bits.
     */
    private void updateBranchCoefficient(int i, int k) {
        double slope = lossSlope(i);
        double updated = slope == 0 ? 0 : slope * stack.baseAdjoint(k, high, i * branchSize);
        int at = i * baseWidth + k;
        double old = coefficient[at];
        contributors[k] += (updated != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
        coefficient[at] = updated;
        if (updated != old) addToBlock(i, k, updated - old);
        if (contributors[k] == 0) Arrays.fill(gradient, k * stride, (k + 1) * stride, 0);
    }

    /** u_k . (h_{l-1}(x_i), 1): entry k of {@link #baseOf}. */
    private double baseEntry(int i, int k, double[] u) {
        int row = i * featureWidth, block = k * stride;
        double s = u[block + featureWidth];
        for (int c = 0; c < featureWidth; c++) s += u[block + c] * features[row + c];
        return s;
    }

    /** gradient block k += c_k (h_{l-1}(x_i), 1). */
    private void addToGradient(int i, double[] c) {
        for (int k = 0; k < baseWidth; k++) {
            if (c[k] != 0) addToBlock(i, k, c[k]);
        }
    }

    private static double norm(double[] v) {
        double squared = 0;
        for (double c : v) squared += c * c;
        return Math.sqrt(squared);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) s += a[c] * b[c];
        return s;
    }

    /** gradient block k += a (h_{l-1}(x_i), 1). */
    private void addToBlock(int i, int k, double a) {
        int row = i * featureWidth, block = k * stride;
        for (int f = 0; f < featureWidth; f++) gradient[block + f] += a * features[row + f];
        gradient[block + featureWidth] += a;
    }
}
