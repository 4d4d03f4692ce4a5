package org.drlp.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that boots the workbench. */
final class WorkbenchOptions {

    @Option(names = "--features", split = ",", paramLabel = "NAME",
            description = "Features to install, comma-separated (default: all in the distribution: ${DEFAULT-VALUE}).")
    List<String> features = new ArrayList<>(Feature.available().keySet());

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of third-party bundles, hot-deployed while the workbench runs (default: plugins, if it exists).")
    Path pluginFolder;

    Workbench start() throws LaunchException {
        List<String> ordered = new ArrayList<>(features);
        // core first: the other features' plugins need SCR and the experiment service
        if (ordered.remove("core")) {
            ordered.add(0, "core");
        }
        Workbench workbench = Workbench.start(ordered);
        Path folder = pluginFolder != null ? pluginFolder : Path.of("plugins");
        if (pluginFolder != null && !Files.isDirectory(pluginFolder)) {
            workbench.close();
            throw new LaunchException("plugins folder " + pluginFolder + " does not exist");
        }
        if (Files.isDirectory(folder)) {
            try {
                workbench.watch(folder);
            } catch (LaunchException e) {
                workbench.close();
                throw e;
            }
        }
        return workbench;
    }
}
