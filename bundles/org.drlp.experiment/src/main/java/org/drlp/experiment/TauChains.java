package org.drlp.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drlp.api.SolveStatus;
import org.drlp.spi.ProblemForm;

import com.google.gson.JsonObject;

/**
 * The warm-started chains of a sweep over {@code loss.tau}. Runs whose resolved configuration is the
 * same but for the loss's {@code tau} (the same data, model, loss type and other loss parameters,
 * solver method and strategies) and that are the same repeat form a chain, in sweep order, when
 * their model's problem is separable (a convex regression: its optimal objective is the same from
 * any start). Each run of a chain but the first starts from the end point of the run before it when
 * that one ended OPTIMAL: with the taus listed in increasing order its quantile is the nearest, so
 * its fit is a good start. A run comes after the one it starts from in sweep order, so one job runs
 * the sweep in its order as ever; with {@code --jobs} each chain runs in order on one worker, and
 * chains side by side. Every other run is a chain of its own.
 * Only with the spec's {@code "warmStart": true}: by default every run is a chain of its own (a cold
 * sweep), so that a run's result does not depend on which runs a shard or a resume executes.
 */
final class TauChains {

    static final String TAU = "loss.tau";

    private final List<List<RunPlan>> chains;
    /** Run index to the index of the run before it in its chain. */
    private final Map<Integer, Integer> previous = new HashMap<>();

    private TauChains(List<List<RunPlan>> chains) {
        this.chains = chains;
        for (List<RunPlan> chain : chains) {
            for (int r = 1; r < chain.size(); r++) previous.put(chain.get(r).index(), chain.get(r - 1).index());
        }
    }

    /** The chains of {@code runs} (in sweep order), in the order of their first runs. */
    static TauChains of(List<RunPlan> runs, boolean warmStart) {
        Map<String, List<RunPlan>> byRest = new LinkedHashMap<>();
        List<List<RunPlan>> chains = new ArrayList<>();
        for (RunPlan run : runs) {
            String key = warmStart ? key(run) : null;
            if (key == null) {
                chains.add(List.of(run));
                continue;
            }
            List<RunPlan> chain = byRest.get(key);
            if (chain == null) {
                chain = new ArrayList<>();
                byRest.put(key, chain);
                chains.add(chain);
            }
            chain.add(run);
        }
        return new TauChains(chains);
    }

    /** What a run shares with the others of its chain, or null for a run that is warm-started never. */
    private static String key(RunPlan run) {
        if (run.loss() == null || !run.point().values().containsKey(TAU)) return null;
        if (!(run.loss().parameters().asMap().get("tau") instanceof Double)) return null; // "process", say
        if (run.model().plugin().problemForm(run.model().parameters()) != ProblemForm.SEPARABLE) return null;
        JsonObject config = run.config();
        config.getAsJsonObject("loss").remove("tau");
        return run.repeat() + " " + config;
    }

    private static double tau(RunPlan run) {
        return (Double) run.loss().parameters().asMap().get("tau");
    }

    List<List<RunPlan>> chains() {
        return chains;
    }

    /**
     * Where a run starts: the end point of the run before it in its chain, found among the
     * {@code finished} outcomes, with a note naming that run; null for a cold start (the first of a
     * chain, or one after a run that did not end OPTIMAL).
     */
    RunExecutor.WarmStart warmStart(RunPlan run, Map<Integer, RunOutcome> finished) {
        Integer before = previous.get(run.index());
        RunOutcome from = before == null ? null : finished.get(before);
        if (from == null || from.result().status() != SolveStatus.OPTIMAL || from.result().point().length == 0) {
            return null;
        }
        return new RunExecutor.WarmStart(from.result().point(), "warm-started from the end point of run "
                + String.format("%03d", before) + " (" + TAU + "=" + tau(from.plan()) + ")");
    }
}
