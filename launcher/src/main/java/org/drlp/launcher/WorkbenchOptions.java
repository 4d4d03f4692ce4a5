package org.drlp.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by every command that boots the workbench. */
final class WorkbenchOptions {

    /** Used when --plugins is not given, and only if it exists. */
    static final Path DEFAULT_PLUGIN_FOLDER = Path.of("plugins");

    @Option(names = "--features", split = ",", paramLabel = "NAME",
            description = "Features to install, comma-separated (default: ${DEFAULT-VALUE}; "
                    + "workbench adds the Gogo shell, all is everything).")
    List<String> features = new ArrayList<>(Feature.defaults());

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of third-party bundles, hot-deployed while the workbench runs (default: plugins, if it exists).")
    Path pluginFolder;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Workbench start() throws LaunchException {
        return start(List.of());
    }

    /**
     * Boots the chosen features plus {@code required}, then waits for the plugins folder's first
     * scan and warns about every plugin that did not start.
     */
    Workbench start(List<String> required) throws LaunchException {
        return start(required, false);
    }

    /**
     * As {@link #start(List)}; with {@code watch}, also reports every later change of the plugins
     * folder on the error stream, for sessions that outlive the first scan.
     */
    Workbench start(List<String> required, boolean watch) throws LaunchException {
        List<String> ordered = new ArrayList<>(features);
        required.stream().filter(name -> !ordered.contains(name)).forEach(ordered::add);
        // core first: the other features' plugins need SCR and the experiment service
        if (ordered.remove("core")) {
            ordered.add(0, "core");
        }
        if (pluginFolder != null && !Files.isDirectory(pluginFolder)) {
            throw new LaunchException("plugins folder " + pluginFolder + " does not exist");
        }
        Path folder = pluginFolder != null ? pluginFolder : DEFAULT_PLUGIN_FOLDER;
        PluginFolder plugins = Files.isDirectory(folder) ? new PluginFolder(folder) : null;
        Workbench workbench = Workbench.start(ordered, plugins);
        if (plugins != null) {
            try {
                PrintWriter err = command.commandLine().getErr();
                workbench.awaitPlugins(plugins).forEach(problem -> err.println("drlp: warning: " + problem));
                if (watch) {
                    workbench.watchPlugins(plugins, change -> err.println("drlp: " + change));
                }
            } catch (LaunchException e) {
                workbench.close();
                throw e;
            }
        }
        return workbench;
    }
}
