package org.drlp.experiment;

import java.awt.AWTError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drlp.report.Figure;
import org.drlp.report.FigureFiles;

/**
 * Writes the objective plots as SVG and PNG: {@code runs/NNN/objective.*} from each run's trace
 * (a series per stage of the solve), and {@code plots/<group>.*} overlaying the runs of each sweep
 * group (see {@link ObjectiveFigures#overlay}: by default the gap to the group's best objective,
 * over the final stage of each solve, whose objective is the full problem's). Titles name the
 * experiment and what varies. A plot that cannot be drawn is returned as a warning and never fails
 * a run: the numbers matter more than the pictures.
 */
final class ObjectivePlots {

    static final String RUN_FILE = "objective";
    static final String GROUP_FOLDER = "plots";

    private final Path outputDirectory;
    private final String experiment;
    private final ObjectiveFigures.OverlayValue overlayValue;
    /** By run index, what its iterations count, where the plan cannot say (runs read back by a merge). */
    private final Map<Integer, String> recordedUnits;

    ObjectivePlots(Path outputDirectory, String experiment, ObjectiveFigures.OverlayValue overlayValue) {
        this(outputDirectory, experiment, overlayValue, Map.of());
    }

    ObjectivePlots(Path outputDirectory, String experiment, ObjectiveFigures.OverlayValue overlayValue,
                   Map<Integer, String> recordedUnits) {
        this.outputDirectory = outputDirectory;
        this.experiment = experiment;
        this.overlayValue = overlayValue;
        this.recordedUnits = Map.copyOf(recordedUnits);
    }

    /** @return warnings; nothing is drawn for a run without a trace */
    List<String> plotRun(RunOutcome run) {
        if (run.traceFile() == null) return List.of();
        Path traceFile = outputDirectory.resolve(run.traceFile());
        List<String> warnings = new ArrayList<>();
        try {
            Figure figure = ObjectiveFigures.forRunByStage(experiment + ": run " + run.plan().label(),
                    run.plan().label(), unit(run.plan()), ObjectiveTrace.readByStage(traceFile));
            write(figure, traceFile.resolveSibling(RUN_FILE), warnings);
        } catch (Exception | LinkageError | AWTError | InternalError e) { // see write: AWT fails in Errors too
            warnings.add(relative(traceFile.getParent()) + ": objective plot not drawn: " + describe(e));
        }
        return warnings;
    }

    /** @return warnings; a group none of whose runs left a trace gets no plot */
    List<String> plotGroups(List<SweepGroup> groups) {
        List<String> warnings = new ArrayList<>();
        Set<String> fileNames = new HashSet<>();
        for (SweepGroup group : groups) {
            String file = GROUP_FOLDER + "/" + uniqueFileName(group.name(), fileNames);
            try {
                Figure figure = overlay(group);
                if (figure == null) continue;
                Files.createDirectories(outputDirectory.resolve(GROUP_FOLDER));
                write(figure, outputDirectory.resolve(file), warnings);
            } catch (Exception | LinkageError | AWTError | InternalError e) {
                warnings.add(file + ": overlay plot not drawn: " + describe(e));
            }
        }
        return warnings;
    }

    /** The group's runs that left a trace, a line per compared value (its repeats together); null when none did. */
    Figure overlay(SweepGroup group) throws IOException {
        Map<String, List<ObjectiveFigures.Repeat>> traces = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (RunOutcome run : group.runs()) {
            if (run.traceFile() == null) continue;
            Path file = outputDirectory.resolve(run.traceFile());
            traces.computeIfAbsent(group.seriesName(run), name -> new ArrayList<>())
                    .add(new ObjectiveFigures.Repeat(run.plan().repeat(), overlayValue == ObjectiveFigures.OverlayValue.GAP
                            ? finalStage(file) : ObjectiveTrace.read(file)));
            units.putIfAbsent(group.seriesName(run), run.plan().method() == null
                    ? recordedUnits.getOrDefault(run.plan().index(), "iterations") : unit(run.plan()));
        }
        if (traces.isEmpty()) return null;
        List<ObjectiveFigures.Line> lines = new ArrayList<>();
        traces.forEach((name, repeats) -> lines.add(new ObjectiveFigures.Line(name, units.get(name), lines.size(), repeats)));
        String varied = group.variedPath();
        String title = experiment + ": " + varied + (group.name().equals(SweepGroups.ALL) ? "" : " at " + group.name())
                + (overlayValue == ObjectiveFigures.OverlayValue.GAP ? ", gap to the best objective" : "");
        return ObjectiveFigures.overlay(title, lines, overlayValue);
    }

    /** The trace of the solve's last stage: the full problem's objective (presolve stages walk smaller ones). */
    private static ObjectiveTrace finalStage(Path traceFile) throws IOException {
        Map<String, ObjectiveTrace> stages = ObjectiveTrace.readByStage(traceFile);
        ObjectiveTrace last = stages.get(TraceWriter.DEFAULT_STAGE);
        if (last == null) for (ObjectiveTrace stage : stages.values()) last = stage;
        return last == null ? ObjectiveTrace.read(traceFile) : last;
    }

    /** What a run's iterations count, as its method declares: pivots of a walk, epochs of Adam. */
    private static String unit(RunPlan plan) {
        return plan.method() == null ? "iterations" : plan.method().plugin().iterationUnit();
    }

    /**
     * SVG and PNG each on their own, so that one format failing still leaves the other. A Java
     * runtime without working AWT (no fonts, no native libraries) fails in Errors, not Exceptions.
     */
    private void write(Figure figure, Path withoutExtension, List<String> warnings) {
        String name = withoutExtension.getFileName().toString();
        Path svg = withoutExtension.resolveSibling(name + ".svg");
        try {
            FigureFiles.writeSvg(figure, svg);
        } catch (Exception | LinkageError | AWTError | InternalError e) {
            warnings.add(relative(svg) + " not written: " + describe(e));
        }
        Path png = withoutExtension.resolveSibling(name + ".png");
        try {
            FigureFiles.writePng(figure, png);
        } catch (Exception | LinkageError | AWTError | InternalError e) {
            warnings.add(relative(png) + " not written: " + describe(e));
        }
    }

    /** A path as results.json names files: relative to the output folder, with forward slashes. */
    private String relative(Path file) {
        return outputDirectory.relativize(file).toString().replace('\\', '/');
    }

    /** The group's name as a portable file name: letters, digits and {@code . , = + -} kept, the rest {@code _}. */
    private static String uniqueFileName(String groupName, Set<String> taken) {
        String base = groupName.replace(' ', ',').replaceAll("[^A-Za-z0-9.,=+-]", "_");
        String name = base;
        for (int n = 2; !taken.add(name); n++) name = base + "-" + n;
        return name;
    }

    /** The reason; the warning names the file already. */
    private static String describe(Throwable e) {
        if (e instanceof IOException io) return IoMessages.reason(io);
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
