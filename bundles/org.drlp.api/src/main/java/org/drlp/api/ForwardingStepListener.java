package org.drlp.api;

/**
 * A listener that passes everything on to the next one, for wrappers that change only part of what
 * they see (renumber the steps, rename the stages): a subclass overrides those methods, and whatever
 * {@link StepListener} gains later is forwarded without it.
 *
 * @since 2.0
 */
public abstract class ForwardingStepListener implements StepListener {

    /** Where everything goes; {@link StepListener#NONE} for none. */
    protected final StepListener next;

    /** @param next  the listener to pass on to; null means {@link StepListener#NONE} */
    protected ForwardingStepListener(StepListener next) {
        this.next = next == null ? StepListener.NONE : next;
    }

    @Override
    public void onStep(long iteration, double objective, double step, int entering, int leaving, int regionChanges,
                       long elapsedNanos) {
        next.onStep(iteration, objective, step, entering, leaving, regionChanges, elapsedNanos);
    }

    @Override
    public void onStage(String stage) {
        next.onStage(stage);
    }

    @Override
    public void onPluginFault(String plugin, Throwable fault) {
        next.onPluginFault(plugin, fault);
    }

    @Override
    public boolean stopRequested() {
        return next.stopRequested();
    }
}
