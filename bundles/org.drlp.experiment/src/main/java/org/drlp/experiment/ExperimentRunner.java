package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.PluginCatalog;
import org.drlp.api.RunListener;
import org.drlp.api.SolveResult;
import org.drlp.api.SpecException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The experiment service: reads a spec, expands its sweep, resolves every run's plugins and
 * parameters before anything runs (reporting all problems at once), then runs the sweep in order
 * and keeps results.json current. See the README for the spec format and the output.
 */
@Component(service = ExperimentService.class)
public final class ExperimentRunner implements ExperimentService {

    /** A spec asking for more runs than this is surely a mistake in its sweep. */
    static final long MAX_RUNS = 1_000_000;

    private final PluginRegistry plugins;

    /** {@code catalog} is this bundle's own registry, which also resolves plugins by role and name. */
    @Activate
    public ExperimentRunner(@Reference(name = "plugins", target = "(component.name=org.drlp.experiment.PluginRegistry)")
                            PluginCatalog catalog) {
        this.plugins = (PluginRegistry) catalog;
    }

    /** A spec resolved into runs, ready to execute. */
    private record ExperimentPlan(String name, boolean trace, List<RunPlan> runs) { }

    @Override
    public int validate(Path spec) throws SpecException {
        return plan(spec).runs().size();
    }

    @Override
    public ExperimentSummary run(Path spec, Path outputDirectory, RunListener listener)
            throws SpecException, IOException {
        ExperimentPlan plan = plan(spec);
        RunListener progress = listener == null ? RunListener.NONE : listener;
        Files.createDirectories(outputDirectory);
        ResultsWriter results = new ResultsWriter(outputDirectory, plan.name(), spec, Instant.now());
        RunExecutor executor = new RunExecutor(outputDirectory, plan.trace());
        progress.experimentStarted(plan.name(), plan.runs().size());
        List<ExperimentSummary.Run> finished = new ArrayList<>();
        for (RunPlan run : plan.runs()) {
            progress.runStarted(run.index(), run.label());
            RunOutcome outcome = executor.execute(run);
            results.add(outcome);
            SolveResult result = outcome.result();
            finished.add(new ExperimentSummary.Run(run.label(), result.status(), result.objective(),
                    result.iterations(), result.seconds(), result.message()));
            progress.runFinished(run.index(), run.label(), result.status(), result.objective(), result.seconds());
        }
        return new ExperimentSummary(plan.name(), outputDirectory, finished);
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
        return new ExperimentPlan(experiment.name(), experiment.trace(), runs);
    }
}
