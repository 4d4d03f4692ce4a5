package org.drlp.compare;

/**
 * When a run counts as solving its problem: it is certified and its objective is within
 * {@code relative * |best| + absolute} of the best objective any run reached on that problem.
 * A certified run above that is a wrong answer (a worse local minimum, or a bug); a run that is
 * not certified is a failure. Either way its ratio in a profile is infinite.
 */
public record SolvedRule(double relative, double absolute) {

    /** 1e-6 relative plus 1e-9 absolute: far above the walk's rounding, far below a real difference. */
    public static final SolvedRule DEFAULT = new SolvedRule(1e-6, 1e-9);

    public boolean solved(RunRecord run, double best) {
        return run.certified() && Double.isFinite(run.objective())
                && run.objective() <= best + relative * Math.abs(best) + absolute;
    }
}
