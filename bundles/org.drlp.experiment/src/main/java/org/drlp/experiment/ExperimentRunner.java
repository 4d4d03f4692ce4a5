package org.drlp.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.MergeReport;
import org.drlp.api.PluginCatalog;
import org.drlp.api.ReportService;
import org.drlp.api.RunListener;
import org.drlp.api.RunOptions;
import org.drlp.api.RunSelection;
import org.drlp.api.SpecException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The experiment service: reads a spec, expands its sweep, resolves every run's plugins and
 * parameters before anything runs (reporting all problems at once), then runs the sweep, up to
 * {@link RunOptions#jobs()} runs at a time, in an output folder it holds alone (see
 * {@link OutputFolder}), keeping results.json and summary.csv current and drawing the plots. See
 * the README for the spec format and the output.
 */
// Immediate: it also publishes the catalogue, which callers wait for before anything else.
@Component(service = ExperimentService.class, immediate = true)
public final class ExperimentRunner implements ExperimentService {

    /** A spec asking for more runs than this is surely a mistake in its sweep. */
    static final long MAX_RUNS = 1_000_000;

    private final PluginRegistry registry;
    private ServiceRegistration<PluginCatalog> catalogRegistration;
    /** Writes the comparison report at the end of a sweep; null while no bundle provides one. */
    @Reference(name = "reports", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportService reports;
    /** The stop requests of the experiments running now, one each. */
    private final Set<RunStopper> running = ConcurrentHashMap.newKeySet();

    /** For OSGi: the service owns its registry, and publishes it as the {@link PluginCatalog}. */
    public ExperimentRunner() {
        this(new PluginRegistry());
    }

    /** @param registry  the plugins to resolve specs against (tests fill one by hand) */
    ExperimentRunner(PluginRegistry registry) {
        this.registry = registry;
    }

    @Activate
    void activate(BundleContext context) {
        registry.open(context);
        catalogRegistration = context.registerService(PluginCatalog.class, registry, null);
    }

    @Deactivate
    void deactivate() {
        catalogRegistration.unregister();
        registry.close();
    }

    /**
     * A spec resolved into runs, ready to execute.
     *
     * @param spec           the spec's JSON as written
     * @param baseDirectory  the spec's folder, against which its relative paths resolve
     */
    private record ExperimentPlan(String name, boolean trace, boolean warmStart, ObjectiveFigures.OverlayValue overlay,
                                  List<String> sweptPaths, List<RunPlan> runs, JsonObject spec, Path baseDirectory) { }

    @Override
    public int validate(Path spec) throws SpecException {
        return validate(spec, List.of());
    }

    @Override
    public int validate(Path spec, List<String> overrides) throws SpecException {
        return plan(spec, overrides).runs().size();
    }

    @Override
    public ExperimentSummary run(Path spec, Path outputDirectory, RunListener listener, RunOptions options)
            throws SpecException, IOException {
        ExperimentPlan plan = plan(spec, options.overrides());
        RunSelection selection = options.selection();
        try {
            selection.check(plan.runs().size());
        } catch (IllegalArgumentException e) {
            throw new SpecException(spec + ": " + e.getMessage());
        }
        String hash = SpecHash.of(plan.runs());
        ResultsWriter results = new ResultsWriter(outputDirectory, plan.name(), spec, Instant.now());
        results.annotate(ResultsWriter.SPEC_HASH, new JsonPrimitive(hash));
        results.annotate(ResultsWriter.SWEEP_RUNS, new JsonPrimitive(plan.runs().size()));
        JsonArray swept = new JsonArray();
        plan.sweptPaths().forEach(swept::add);
        results.annotate(ResultsWriter.SWEPT_PATHS, swept);
        results.annotate("selection", new JsonPrimitive(selection.toString()));
        JsonArray set = new JsonArray();
        options.overrides().forEach(set::add);
        results.annotate("overrides", set);
        SummaryCsvWriter summary = new SummaryCsvWriter(outputDirectory, plan.name(), plan.sweptPaths());
        CoefficientsCsvWriter coefficients = new CoefficientsCsvWriter(outputDirectory, plan.name(), plan.sweptPaths());
        RunStopper stopper = new RunStopper();
        running.add(stopper);
        try (OutputFolder folder = OutputFolder.claim(outputDirectory, spec, options.overwrite(), options.resume());
             ExperimentRecorder recorder = new ExperimentRecorder(results, summary, coefficients, new RunLog(outputDirectory),
                     listener == null ? RunListener.NONE : listener)) {
            Map<Integer, JsonObject> kept = options.resume() ? kept(outputDirectory, hash, summary, coefficients) : Map.of();
            kept.values().forEach(results::keep);
            List<RunPlan> selected = plan.runs().stream()
                    .filter(run -> selection.includes(run.index()) && !kept.containsKey(run.index())).toList();
            stopper.hold(outputDirectory.toRealPath(), selected.stream().map(RunPlan::index).toList());
            SpecSnapshot.write(plan.spec(), plan.name(), plan.runs(), plan.baseDirectory(), outputDirectory);
            recorder.open();
            RunExecutor executor = new RunExecutor(outputDirectory, plan.trace(), RunExecutor.MINIMUM_GRACE_SECONDS,
                    stopper);
            ObjectivePlots plots = new ObjectivePlots(outputDirectory, plan.name(), plan.overlay());
            DataFileHashes hashes = new DataFileHashes();
            recorder.experimentStarted(plan.name(), selected.size());
            TauChains chains = TauChains.of(selected, plan.warmStart());
            Map<Integer, RunOutcome> finished = new ConcurrentHashMap<>();
            new RunScheduler(options.jobs()).executeChains(chains.chains(), run -> {
                if (stopper.stopped()) return; // left for a resume
                recorder.runStarted(run);
                Instant started = Instant.now();
                JsonArray dataFiles = hashes.of(run); // before the run: the files as it reads them
                RunOutcome outcome = stopper.run(run.index()).cancelled() ? RunExecutor.stoppedBeforeStart(run)
                        : executor.execute(run, (iteration, objective, seconds, regionChanges) ->
                                recorder.runProgress(run, iteration, objective, seconds, regionChanges),
                                chains.warmStart(run, finished));
                finished.put(run.index(), outcome);
                Instant ended = Instant.now();
                recorder.runFinished(outcome, plots.plotRun(outcome), started, ended, dataFiles);
                stopper.finished(run.index());
            });
            List<String> warnings = new ArrayList<>(plots.plotGroups(SweepGroups.of(recorder.outcomes())));
            // results.json holds every run already (in the order they finished), which is all the report reads
            warnings.addAll(EndOfSweepReport.write(reports, outputDirectory, recorder.outcomes()));
            recorder.finish(warnings);
            ExperimentSummary ran = recorder.summary(plan.name(), outputDirectory, plan.sweptPaths());
            if (kept.isEmpty()) return ran;
            List<ExperimentSummary.Run> all = new ArrayList<>(ran.runs());
            kept.values().forEach(run -> all.add(RecordedResults.summaryRun(run)));
            all.sort(Comparator.comparingInt(ExperimentSummary.Run::index));
            return new ExperimentSummary(plan.name(), outputDirectory, all, plan.sweptPaths());
        } finally {
            running.remove(stopper);
        }
    }

    /**
     * The finished runs a resume keeps from the folder's results (none when it has none), with their
     * summary.csv rows handed to {@code summary} and their coefficient tables to both writers.
     *
     * @throws IOException when the folder holds another spec's results
     */
    private static Map<Integer, JsonObject> kept(Path outputDirectory, String hash, SummaryCsvWriter summary,
                                                 CoefficientsCsvWriter coefficients) throws IOException {
        RecordedResults earlier = RecordedResults.readIfPresent(outputDirectory);
        if (earlier == null) return Map.of();
        if (!earlier.specHash().equals(hash)) {
            throw new IOException(outputDirectory + " holds results of another spec (spec hash " + earlier.specHash()
                    + ", this spec's " + hash + "); choose another output folder, or delete them first "
                    + "(drlp run --overwrite)");
        }
        Map<Integer, JsonObject> finished = earlier.finishedRuns();
        if (!summary.sameColumns(earlier.csvHeader())) {
            throw new IOException(outputDirectory.resolve(SummaryCsvWriter.FILE_NAME) + " has other columns than this "
                    + "version of drlp writes; run the spec again (drlp run --overwrite)");
        }
        for (Integer index : finished.keySet()) {
            List<String> row = earlier.csvRows().get(index);
            if (row != null) summary.keep(index, row, CoefficientJson.fromRun(finished.get(index)));
            earlier.keepCoefficients(index, coefficients);
        }
        return finished;
    }

    @Override
    public void stop() {
        running.forEach(RunStopper::stop);
    }

    @Override
    public boolean stop(Path outputDirectory) {
        boolean found = false;
        for (RunStopper stopper : holding(outputDirectory)) {
            stopper.stop();
            found = true;
        }
        return found;
    }

    @Override
    public boolean stopRun(Path outputDirectory, int index) {
        boolean found = false;
        for (RunStopper stopper : holding(outputDirectory)) found |= stopper.stopRun(index);
        return found;
    }

    /** The experiment holding that folder (one at most: {@link OutputFolder} sees to it). */
    private List<RunStopper> holding(Path outputDirectory) {
        Path folder;
        try {
            folder = outputDirectory.toRealPath();
        } catch (IOException e) {
            return List.of(); // no such folder: nothing runs there
        }
        return running.stream().filter(stopper -> folder.equals(stopper.folder())).toList();
    }

    @Override
    public MergeReport merge(List<Path> folders, Path outputDirectory) throws IOException {
        return ResultsMerge.merge(folders, outputDirectory, reports);
    }

    /** The run rebuilt from the folder's spec.json, which holds the spec with its overrides applied. */
    @Override
    public int predict(Path outputDirectory, int index, Path data, Path predictions) throws SpecException, IOException {
        return Prediction.predict(spec -> plan(spec, List.of()).runs(), outputDirectory, index, data, predictions);
    }

    private ExperimentPlan plan(Path spec, List<String> overrides) throws SpecException {
        SpecDocument document = SpecOverrides.apply(SpecJsonReader.read(spec), overrides);
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
        RunConfigResolver resolver = new RunConfigResolver(registry, problems, baseDirectory);
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
        return new ExperimentPlan(experiment.name(), experiment.trace(), experiment.warmStart(), experiment.overlay(),
                experiment.sweptPaths(), runs, experiment.withFilesExpanded(document.root()),
                baseDirectory);
    }
}
