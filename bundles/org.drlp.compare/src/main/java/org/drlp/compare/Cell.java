package org.drlp.compare;

/**
 * The repeats of one configuration on one problem, summarised for one measure. An unsolved repeat
 * costs +infinity, so that the median is finite exactly when more than half of the repeats solved
 * the problem (with an even count the median is the mean of the middle two).
 *
 * @param runs          the repeats; 0 when the configuration never ran the problem (then unsolved)
 * @param solvedRuns    repeats that solved it (see {@link SolvedRule})
 * @param wrongAnswers  repeats that were certified but ended above the best objective
 * @param median        the median cost over the repeats; NaN when the measure does not apply
 * @param min           the cheapest repeat
 * @param max           the costliest repeat (infinite if any repeat failed)
 */
public record Cell(int runs, int solvedRuns, int wrongAnswers, double median, double min, double max) {

    /** More than half the repeats solved the problem. */
    public boolean solved() {
        return 2 * solvedRuns > runs;
    }

    /** Repeats that did not end certified. */
    public int failures() {
        return runs - solvedRuns - wrongAnswers;
    }
}
