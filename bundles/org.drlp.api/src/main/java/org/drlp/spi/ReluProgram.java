package org.drlp.spi;

import java.util.function.IntConsumer;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A ReLU program: minimise f(x) over x in R^n, where f is a fixed network of two-slope neurons
 * whose input is x. The object is stateful: it holds the current point x, the activation pattern
 * (the side of every neuron) and the preactivations under that pattern. One instance per solve.
 *
 * <p>The pattern is carried, not recomputed from signs: a neuron at z = 0 keeps the side the
 * solver gave it. Every operation below is relative to the current pattern. Implementations work
 * on their own structure (a training problem is N small branches, never a dense block-diagonal
 * matrix) and allocate nothing in the per-pivot methods.
 */
@ConsumerType // implemented by model plugins
public interface ReluProgram {

    /** n, the dimension of the input. */
    int dimension();

    /** Number of neurons (the boundaries the walk can meet). */
    int neuronCount();

    /** Moves to x and sets every neuron's side from its sign (z > 0: high side, else low side). */
    void reset(double[] x);

    /** The current point; a live view the caller must not modify. */
    double[] point();

    /** Preactivations z_j at the current point under the current pattern; a live, read-only view. */
    double[] preactivations();

    /** Sides of the neurons (true: high side {@code z >= 0}, false: low side {@code z <= 0}); a live, read-only view. */
    boolean[] highSide();

    /** f at the current point, computed from the current preactivations and pattern. */
    double value();

    /** Writes the gradient g_s of f on the current region into {@code out}. */
    void gradient(double[] out);

    /**
     * Directional derivatives along v under the current pattern (one forward pass): writes
     * {@code dz[j] = nu_j . v} for every neuron and returns {@code g_s . v}.
     */
    double directional(double[] v, double[] dz);

    /** Writes the unoriented normal nu_j (gradient of z_j under the current pattern) into {@code out}. */
    void normal(int j, double[] out);

    /**
     * What flipping neuron k would change, without flipping it: returns the change of
     * {@code g . v} and reports to {@code sink}, for every neuron m downstream of k whose
     * {@code nu_m . v} would change, the pair (m, change). First-layer-only programs report nothing.
     */
    double flipEffect(int k, double[] v, FlipSink sink);

    /** Flips the side of neuron k (the solver calls this only when z_k is at 0) and updates the gradient. */
    void flip(int k);

    /**
     * True when {@link #flip} is exact away from z_k = 0 too: it changes the downstream
     * preactivations by the change of k's output at the current point (their values under the new
     * pattern), and changes no preactivation that {@link #flipEffect} would not report. The
     * solver's pass-through line search then flips the neurons it crosses without refreshing the
     * program afterwards. False (the default): the solver calls {@link #refresh} after such a search.
     *
     * @since 1.1
     */
    default boolean exactFlips() {
        return false;
    }

    /**
     * Moves x by t v and the preactivations by t dz, where dz came from {@link #directional} for the
     * same v under the current pattern.
     */
    void advance(double t, double[] v, double[] dz);

    /** Recomputes the preactivations (and any cached gradient) from the point under the current pattern. */
    void refresh();

    /**
     * Typical magnitude of the terms that make up preactivation j at the current point, so that the
     * solver can judge |z_j| relative to the data's scale (for example |a_j| |x| + |b_j|).
     */
    double scale(int j);

    /** True when f is convex, so that a local minimum is global (OPTIMAL rather than LOCAL_MINIMUM). */
    boolean isConvex();

    /**
     * Runs {@code chunk.accept(c)} once for every c in 0..chunks-1, possibly several at once on the
     * threads of the program's own passes, and returns when all have run: the solver's passes over
     * the neurons (the collection of the breakpoints) use it, so that they run on as many threads as
     * the program's. Each chunk writes only its own results, which the solver merges in chunk order,
     * so its results do not depend on the threads. The default runs the chunks in order on the
     * caller's thread.
     *
     * @since 2.1
     */
    default void forEachChunk(int chunks, IntConsumer chunk) {
        for (int c = 0; c < chunks; c++) chunk.accept(c);
    }

    /**
     * Neurons per group, or 0 when the program has no groups: the neurons form groups of this many
     * consecutive ones (group g owns neurons g * size .. g * size + size - 1) that
     * {@link #directionalWithin} may leave out, as the rows of a training problem. 0, the default,
     * means {@link #directionalWithin} is {@link #directional}.
     *
     * @since 2.2
     */
    default int groupSize() {
        return 0;
    }

    /**
     * {@link #directional} for a solver that reads only the groups {@link #computedGroups} marks:
     * the program may leave out groups none of whose neurons can change side within a step of about
     * the length it expects. Returns {@code g_s . v} over every group. A left-out group's rates in
     * {@code dz} are undefined, and its preactivations stay those of an earlier point until a later
     * pass computes it; {@link #advance} with these rates moves only the computed groups (the others
     * follow when they are computed again), {@link #value} and {@link #directional} bring every group
     * up to date first, and no neuron of a left-out group changes side along the line up to step
     * {@link #reach}. The default is {@link #directional}.
     *
     * @since 2.2
     */
    default double directionalWithin(double[] v, double[] dz) {
        return directional(v, dz);
    }

    /**
     * After {@link #directionalWithin}: which groups' rates and preactivations are valid (a live,
     * read-only view, indexed by group), or null when all are (after {@link #directional}, and by default).
     *
     * @since 2.2
     */
    default boolean[] computedGroups() {
        return null;
    }

    /**
     * After {@link #directionalWithin}: for each computed group (a live, read-only view, indexed by
     * group), the least step along v at which one of its neurons reaches its kink with its rate
     * unchanged ({@code max(0, oriented z) / -oriented rate} over the neurons moving toward their
     * kink; infinite when none does). Null when the program gives none (the default). The crossing
     * search does not scan the groups that cannot reach a kink within its bound.
     *
     * @since 2.2
     */
    default double[] groupSteps() {
        return null;
    }

    /**
     * After {@link #directionalWithin}: the step along v up to which no neuron of a left-out group can
     * change side (certified: every group's distance to its nearest kink is bounded from below);
     * infinite when every group is computed.
     *
     * @since 2.2
     */
    default double reach() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Computes, for the line of the last {@link #directionalWithin} (the point and the direction
     * unchanged, neurons of computed groups possibly flipped since), the rates and current
     * preactivations of more groups, so that {@link #reach} becomes at least {@code step}; calls
     * {@code added} with each group it adds, and returns the new reach.
     *
     * @since 2.2
     */
    default double extend(double step, IntConsumer added) {
        return Double.POSITIVE_INFINITY;
    }

    /** Receives (neuron, change) pairs from {@link #flipEffect}. */
    @FunctionalInterface
    @ProviderType // implemented by the kernel, which passes it to flipEffect
    interface FlipSink {
        void accept(int neuron, double change);
    }
}
