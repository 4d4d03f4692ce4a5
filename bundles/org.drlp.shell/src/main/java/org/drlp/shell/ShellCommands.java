package org.drlp.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.PluginCatalog;
import org.drlp.api.PluginDescription;
import org.drlp.api.SpecException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The commands {@code drlp:plugins [ROLE|NAME]}, {@code drlp:run SPEC OUT}, {@code drlp:results OUT} and
 * {@code drlp:predict OUT INDEX DATA FILE}. Gogo
 * finds them through the {@code osgi.command} properties and calls the public methods by name;
 * what a method returns, Gogo prints.
 */
@Component(service = ShellCommands.class, property = {
        "osgi.command.scope=drlp",
        "osgi.command.function=plugins",
        "osgi.command.function=run",
        "osgi.command.function=results",
        "osgi.command.function=predict"})
public final class ShellCommands {

    private final PluginCatalog catalog;
    private final ExperimentService experiments;

    @Activate
    public ShellCommands(@Reference PluginCatalog catalog, @Reference ExperimentService experiments) {
        this.catalog = catalog;
        this.experiments = experiments;
    }

    @Descriptor("list every plugin by role, with its description and bundle")
    public String plugins() {
        return PluginTable.format(catalog.plugins());
    }

    @Descriptor("list the plugins of one role (pivot, loss, ...), or every plugin of that name")
    public String plugins(@Descriptor("a role or a plugin name (Tab completes both)") String roleOrName) {
        List<PluginDescription> all = catalog.plugins();
        List<PluginDescription> chosen = all.stream().filter(p -> p.role().equals(roleOrName)).toList();
        if (chosen.isEmpty()) chosen = all.stream().filter(p -> p.name().equals(roleOrName)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no role or plugin \"" + roleOrName + "\"; the roles are "
                    + String.join(", ", all.stream().map(PluginDescription::role).distinct().toList()));
        }
        return PluginTable.format(chosen);
    }

    @Descriptor("run every point of a spec's sweep, writing results.json and traces into a folder")
    public String run(@Descriptor("experiment spec (JSON)") String spec,
                      @Descriptor("output folder, created if needed") String out) throws SpecException, IOException {
        // Gogo redirects System.out per command, so it must be read at call time
        return run(Path.of(spec), Path.of(out), System.out);
    }

    String run(Path spec, Path out, PrintStream progress) throws SpecException, IOException {
        ExperimentSummary summary = experiments.run(spec, out, new RunLines(progress));
        return String.format(Locale.ROOT, "%s: %d runs, %d failed; results in %s", summary.name(),
                summary.runs().size(), summary.failures(), summary.outputDirectory().resolve(ResultsFile.NAME));
    }

    @Descriptor("summarise the results of an experiment, finished or still running")
    public String results(@Descriptor("output folder of drlp:run") String out) throws IOException {
        return SummaryTable.format(ResultsFile.read(Path.of(out)));
    }

    @Descriptor("fitted values of a finished run for new data, coded as its training data (drlp predict)")
    public String predict(@Descriptor("output folder of drlp:run") String out,
                          @Descriptor("index of the run") int index,
                          @Descriptor("new data file for the run's data source") String data,
                          @Descriptor("the predictions CSV to write") String file) throws SpecException, IOException {
        int rows = experiments.predict(Path.of(out), index, Path.of(data), Path.of(file));
        return String.format(Locale.ROOT, "run %03d: %d rows predicted; written to %s", index, rows, file);
    }
}
