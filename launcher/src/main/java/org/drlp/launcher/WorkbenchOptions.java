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

    /** Used when --plugins is not given; watched even when it does not exist yet. */
    static final Path DEFAULT_PLUGIN_FOLDER = Path.of("plugins");

    @Option(names = "--features", split = ",", paramLabel = "NAME",
            description = "Features to install, comma-separated (default: ${DEFAULT-VALUE}; "
                    + "workbench adds the Gogo shell, all is everything).")
    List<String> features = new ArrayList<>(Feature.defaults());

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of third-party bundles, hot-deployed while the workbench runs "
                    + "(default: plugins, watched also when it is created later).")
    Path pluginFolder;

    @Option(names = "--debug", description = "Print stack traces of failures, and the framework's errors and warnings.")
    boolean debug;

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

    /** The error stream when debugging, else null. */
    PrintWriter debugStream() {
        return debug ? command.commandLine().getErr() : null;
    }

    /**
     * As {@link #start(List)}; with {@code interactive}, also installs Gogo's console and reports
     * every later change of the plugins folder on the error stream: for the shell, which outlives
     * the first scan and owns standard input.
     */
    Workbench start(List<String> required, boolean interactive) throws LaunchException {
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
        PluginFolder plugins = new PluginFolder(folder, debugStream());
        Workbench workbench = Workbench.start(ordered, plugins, new Workbench.Mode(interactive, debugStream()));
        try {
            PrintWriter err = command.commandLine().getErr();
            workbench.awaitPlugins(plugins).forEach(problem -> err.println("drlp: warning: " + problem));
            if (interactive) {
                workbench.watchPlugins(plugins, change -> err.println("drlp: " + change));
            }
        } catch (LaunchException e) {
            workbench.close();
            throw e;
        }
        return workbench;
    }
}
