package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.SpecException;

import com.google.gson.JsonObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The experiment service: reads a spec, expands its sweep, resolves every run's plugins and
 * parameters before anything runs (reporting all problems at once), then runs the sweep, up to
 * {@link RunOptions#jobs()} runs at a time, in an output folder it holds alone (see
 * {@link OutputFolder}), keeping results.json and summary.csv current and drawing the plots. See
 * the README for the spec format and the output.
 */
@Component(service = ExperimentService.class)
public final class ExperimentRunner implements ExperimentService {

    /** A spec asking for more runs than this is surely a mistake in its sweep. */
    static final long MAX_RUNS = 1_000_000;

    private final PluginLookup plugins;

    /** @param plugins this bundle's own registry (its lookup interface is private to the bundle) */
    @Activate
    public ExperimentRunner(@Reference(name = "plugins") PluginLookup plugins) {
        this.plugins = plugins;
    }

    /**
     * A spec resolved into runs, ready to execute.
     *
     * @param spec           the spec's JSON as written
     * @param baseDirectory  the spec's folder, against which its relative paths resolve
     */
    private record ExperimentPlan(String name, boolean trace, List<String> sweptPaths, List<RunPlan> runs,
                                  JsonObject spec, Path baseDirectory) { }

    @Override
    public int validate(Path spec) throws SpecException {
        return plan(spec).runs().size();
    }

    @Override
    public ExperimentSummary run(Path spec, Path outputDirectory, RunListener listener, RunOptions options)
            throws SpecException, IOException {
        ExperimentPlan plan = plan(spec);
        try (OutputFolder folder = OutputFolder.claim(outputDirectory, spec, options.overwrite());
             ExperimentRecorder recorder = new ExperimentRecorder(
                     new ResultsWriter(outputDirectory, plan.name(), spec, Instant.now()),
                     new SummaryCsvWriter(outputDirectory, plan.sweptPaths()),
                     new RunLog(outputDirectory),
                     listener == null ? RunListener.NONE : listener)) {
            SpecSnapshot.write(plan.spec(), plan.name(), plan.runs(), plan.baseDirectory(), outputDirectory);
            recorder.open();
            RunExecutor executor = new RunExecutor(outputDirectory, plan.trace());
            ObjectivePlots plots = new ObjectivePlots(outputDirectory);
            recorder.experimentStarted(plan.name(), plan.runs().size());
            new RunScheduler(options.jobs()).executeAll(plan.runs(), run -> {
                recorder.runStarted(run);
                RunOutcome outcome = executor.execute(run,
                        (iteration, objective, seconds) -> recorder.runProgress(run, iteration, objective, seconds));
                recorder.runFinished(outcome, plots.plotRun(outcome));
            });
            recorder.finish(plots.plotGroups(SweepGroups.of(recorder.outcomes())));
            return recorder.summary(plan.name(), outputDirectory, plan.sweptPaths());
        }
    }

    private ExperimentPlan plan(Path spec) throws SpecException {
        SpecDocument document = SpecJsonReader.read(spec);
        SpecProblems problems = new SpecProblems(document);
        ExperimentSpec experiment = ExperimentSpec.parse(document, problems);
        long count;
        try {
            count = Math.multiplyExact(SweepExpansion.count(experiment), experiment.repeats());
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > MAX_RUNS) {
            problems.add("sweep", "the sweep expands to " + (count == Long.MAX_VALUE ? "too many" : count)
                    + " runs; at most " + MAX_RUNS + " are allowed");
            problems.throwIfAny();
        }
        Path baseDirectory = spec.toAbsolutePath().getParent();
        RunConfigResolver resolver = new RunConfigResolver(plugins, problems, baseDirectory);
        List<RunPlan> runs = new ArrayList<>();
        int index = 0;
        for (SweepPoint point : SweepExpansion.expand(experiment)) {
            for (int repeat = 0; repeat < experiment.repeats(); repeat++, index++) {
                String label = String.format("%03d", index)
                        + (point.values().isEmpty() ? "" : " " + point.label())
                        + (experiment.repeats() > 1 ? " repeat=" + repeat : "");
                RunPlan run = resolver.resolve(index, label, point, repeat);
                if (run != null) runs.add(run);
            }
        }
        problems.throwIfAny();
        return new ExperimentPlan(experiment.name(), experiment.trace(), List.copyOf(experiment.sweep().keySet()),
                runs, document.root(), baseDirectory);
    }
}
