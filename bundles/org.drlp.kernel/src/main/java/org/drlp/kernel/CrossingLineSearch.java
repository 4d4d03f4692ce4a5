package org.drlp.kernel;

import java.util.Arrays;

import org.drlp.spi.ReluProgram;

/**
 * Pass-through line search along an edge of a general (non-separable) ReLU program: the
 * non-convex counterpart of Barrodale-Roberts' weighted-median search. Walks the breakpoints of
 * the line x + t v in increasing t; at each one it asks the program what crossing would change
 * ({@link ReluProgram#flipEffect}) and crosses (flips the neuron) while the slope after the
 * crossing stays below minus the tolerance. It stops, and that neuron enters the basis, at the
 * first breakpoint where the slope would stop being negative or where crossing would change the
 * normal of a critical neuron (a neuron upstream of one in the same branch), so that the edge
 * directions of the other positions stay valid. Every segment walked has a negative slope, so the
 * objective falls strictly along the way; the rates of the neurons downstream of each crossing
 * are updated in place in {@code dz}, so that after the search {@code dz} holds the rates of
 * the final region.
 *
 * <p>The program's preactivations are not valid after a search in which a crossing changed other
 * neurons' rates (flip is then applied away from z = 0, which the SPI does not define): the
 * search tracks those neurons' lines itself, and the caller advances the program and then calls
 * {@link ReluProgram#refresh()} ({@link #needsRefresh()}). Crossing a neuron with nothing
 * downstream (a loss kink) changes no preactivation, so the plain advance stays exact.
 * Breakpoints are kept in a binary heap with lazy deletion.
 */
final class CrossingLineSearch implements ReluProgram.FlipSink {

    private final ReluProgram program;
    private final int[] positionOf;
    /**
     * Neurons whose rate changed (or that were crossed) in the current search carry the search's
     * epoch here; only for them are {@link #keyOf} and {@link #line} set. Untouched neurons keep
     * their initial heap entry and their line z + dz t, so a search writes nothing per neuron.
     */
    private final int[] touched;
    private int epoch;
    /** For touched neurons: the latest crossing time pushed, NaN when none. Heap entries that disagree are stale. */
    private final double[] keyOf;
    /** For touched neurons: line[j] + dz[j] t is the value along the line (the current piece extended to t = 0). */
    private final double[] line;
    /** Some crossing changed the rate of another neuron: the program's preactivations need a refresh. */
    private boolean changedOthers;
    private double[] heapT;
    private int[] heapJ;
    private int size;

    private int[] changedNeuron;
    private double[] changedRate;
    private int changedCount;
    private boolean touchesCritical;

    private int[] crossed;
    private int crossedCount;

    double step;
    double decrease;

    CrossingLineSearch(ReluProgram program, int[] positionOf) {
        this.program = program;
        this.positionOf = positionOf;
        int m = program.neuronCount();
        touched = new int[m];
        keyOf = new double[m];
        line = new double[m];
        heapT = new double[Math.max(16, m)];
        heapJ = new int[heapT.length];
        changedNeuron = new int[16];
        changedRate = new double[16];
        crossed = new int[16];
    }

    /** Neurons crossed (flipped) by the last search. */
    int crossings() {
        return crossedCount;
    }

    /**
     * @param v         the edge direction
     * @param dz        rates of every neuron along v under the current pattern; updated in place
     * @param gamma     the slope along v at t = 0 (negative)
     * @param slopeTol  slopes above minus this count as not improving
     * @param rateFloor oriented rates above minus this count as zero (the neuron runs parallel)
     * @return the neuron that enters the basis at {@link #step}, or -1 when the slope stays negative
     *         past every breakpoint (then the crossings are undone)
     */
    int search(double[] v, double[] dz, double gamma, double slopeTol, double rateFloor) {
        double[] z = program.preactivations();
        boolean[] high = program.highSide();
        int m = keyOf.length;
        if (++epoch == 0) {
            Arrays.fill(touched, 0);
            epoch = 1;
        }
        size = 0;
        for (int j = 0; j < m; j++) {
            double rate = high[j] ? dz[j] : -dz[j];
            if (positionOf[j] >= 0 || rate >= -rateFloor) continue;
            if (size == heapT.length) grow();
            heapT[size] = Math.max(0, high[j] ? z[j] : -z[j]) / -rate;
            heapJ[size] = j;
            size++;
        }
        for (int q = (size >>> 1) - 1; q >= 0; q--) siftDown(q);
        crossedCount = 0;
        changedOthers = false;
        double slope = gamma, at = 0, fall = 0;
        while (size > 0) {
            double t = heapT[0];
            int j = heapJ[0];
            removeTop();
            if (touched[j] == epoch && keyOf[j] != t) continue; // stale: j's rate changed, or j was crossed
            fall -= slope * (t - at);
            at = t;
            changedCount = 0;
            touchesCritical = false;
            double after = slope + program.flipEffect(j, v, this);
            if (touchesCritical || after >= -slopeTol) {
                step = t;
                decrease = Math.max(0, fall);
                return j;
            }
            // first touches read z before the flip: a flip changes no preactivation that flipEffect
            // does not report, so z is still the start value for every neuron not touched before
            for (int q = 0; q < changedCount; q++) touch(changedNeuron[q], z);
            touch(j, z);
            program.flip(j);
            keyOf[j] = Double.NaN;
            record(j);
            slope = after;
            if (changedCount > 0) changedOthers = true;
            for (int q = 0; q < changedCount; q++) {
                int k = changedNeuron[q];
                // the value is continuous at t, only the rate changes
                line[k] -= changedRate[q] * t;
                dz[k] += changedRate[q];
                double rate = high[k] ? dz[k] : -dz[k];
                if (rate >= -rateFloor) {
                    keyOf[k] = Double.NaN;
                    continue;
                }
                double value = line[k] + dz[k] * t;
                double when = t + Math.max(0, high[k] ? value : -value) / -rate;
                keyOf[k] = when;
                push(when, k);
            }
        }
        for (int q = crossedCount - 1; q >= 0; q--) program.flip(crossed[q]);
        crossedCount = 0;
        return -1;
    }

    /** True when the last search crossed a neuron that changed other neurons' rates (see the class comment). */
    boolean needsRefresh() {
        return changedOthers;
    }

    /** Starts tracking neuron k's line in this search (no-op when already tracked). */
    private void touch(int k, double[] z) {
        if (touched[k] == epoch) return;
        touched[k] = epoch;
        line[k] = z[k];
        keyOf[k] = Double.NaN;
    }

    @Override
    public void accept(int neuron, double change) {
        if (change == 0) return;
        if (positionOf[neuron] >= 0) {
            touchesCritical = true;
            return;
        }
        if (changedCount == changedNeuron.length) {
            changedNeuron = Arrays.copyOf(changedNeuron, 2 * changedCount);
            changedRate = Arrays.copyOf(changedRate, 2 * changedCount);
        }
        changedNeuron[changedCount] = neuron;
        changedRate[changedCount] = change;
        changedCount++;
    }

    private void record(int j) {
        if (crossedCount == crossed.length) crossed = Arrays.copyOf(crossed, 2 * crossedCount);
        crossed[crossedCount++] = j;
    }

    private void grow() {
        heapT = Arrays.copyOf(heapT, 2 * heapT.length);
        heapJ = Arrays.copyOf(heapJ, 2 * heapJ.length);
    }

    private void push(double t, int j) {
        if (size == heapT.length) grow();
        int q = size++;
        while (q > 0) {
            int parent = (q - 1) >>> 1;
            if (heapT[parent] <= t) break;
            heapT[q] = heapT[parent];
            heapJ[q] = heapJ[parent];
            q = parent;
        }
        heapT[q] = t;
        heapJ[q] = j;
    }

    private void removeTop() {
        size--;
        if (size == 0) return;
        heapT[0] = heapT[size];
        heapJ[0] = heapJ[size];
        siftDown(0);
    }

    private void siftDown(int q) {
        double t = heapT[q];
        int j = heapJ[q];
        int half = size >>> 1;
        while (q < half) {
            int child = 2 * q + 1;
            if (child + 1 < size && heapT[child + 1] < heapT[child]) child++;
            if (heapT[child] >= t) break;
            heapT[q] = heapT[child];
            heapJ[q] = heapJ[child];
            q = child;
        }
        heapT[q] = t;
        heapJ[q] = j;
    }
}
