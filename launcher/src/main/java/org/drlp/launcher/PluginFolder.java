package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The plugins folder, hot-deployed by Felix FileInstall: its settings, and a wait for FileInstall's
 * first scan, so that a command sees every plugin that was in the folder when it started.
 */
final class PluginFolder {

    private static final long POLL_MILLIS = 100;
    private static final int START_ATTEMPTS = 3;

    private final Path folder;
    /** Where a plugin's start failure goes with its stack trace (--debug), or null. */
    private final PrintWriter debug;

    PluginFolder(Path folder) {
        this(folder, null);
    }

    PluginFolder(Path folder, PrintWriter debug) {
        this.folder = folder.toAbsolutePath().normalize();
        this.debug = debug;
    }

    Path path() {
        return folder;
    }

    /** Framework properties for FileInstall (read through its bundle context, so no system properties). */
    Map<String, String> fileInstallSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("felix.fileinstall.dir", folder.toString());
        settings.put("felix.fileinstall.poll", "500");
        settings.put("felix.fileinstall.noInitialDelay", "true");
        settings.put("felix.fileinstall.filter", ".*\\.jar");
        // FileInstall's own messages would duplicate the problems reported by awaitInitialScan
        settings.put("felix.fileinstall.log.level", "0");
        return settings;
    }

    /**
     * Waits until every jar now in the folder is installed as a bundle and started, or cannot be.
     *
     * @return one line per jar that is not running, naming the bundle and why; empty when all run
     */
    List<String> awaitInitialScan(BundleContext context, long timeoutMillis) throws LaunchException {
        List<String> problems = new ArrayList<>();
        List<Path> pending = new ArrayList<>();
        for (Path jar : jars()) {
            notABundle(jar).ifPresentOrElse(problems::add, () -> pending.add(jar));
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!pending.isEmpty()) {
            Map<Path, Bundle> installed = installedFromFolder(context);
            for (Path jar : List.copyOf(pending)) {
                Bundle bundle = installed.get(jar);
                if (bundle != null) {
                    pending.remove(jar);
                    start(jar, bundle).ifPresent(problems::add);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                for (Path jar : pending) {
                    problems.add("plugin " + jar.getFileName() + " was not installed within "
                            + timeoutMillis / 1000 + " s");
                }
                break;
            }
            sleep();
        }
        return problems;
    }

    /**
     * From now on reports every jar that FileInstall installs, updates or removes, and why one does
     * not start (FileInstall's own logging is off). For long-lived sessions: the shell.
     */
    void watch(BundleContext context, Consumer<String> report) {
        context.addBundleListener((BundleListener) event -> {
            Bundle bundle = event.getBundle();
            Path jar = jarOf(bundle);
            if (jar == null) {
                return;
            }
            String name = "plugin " + jar.getFileName() + " (" + bundle.getSymbolicName() + " " + bundle.getVersion() + ")";
            switch (event.getType()) {
                case BundleEvent.INSTALLED, BundleEvent.UPDATED -> start(jar, bundle).ifPresentOrElse(report,
                        () -> report.accept(name + (event.getType() == BundleEvent.UPDATED ? " updated" : " installed")));
                case BundleEvent.UNINSTALLED -> report.accept(name + " removed");
                default -> { }
            }
        });
    }

    /** The jar in this folder that the bundle was installed from, or null. */
    private Path jarOf(Bundle bundle) {
        String location = bundle.getLocation();
        if (!location.startsWith("file:")) {
            return null;
        }
        Path jar = Path.of(URI.create(location)).toAbsolutePath().normalize();
        return folder.equals(jar.getParent()) ? jar : null;
    }

    /**
     * Starting is what FileInstall does next anyway; doing it here makes the wait deterministic
     * and yields the resolver's reason when the bundle cannot start. A failed start is tried again:
     * while FileInstall's scan holds the framework's global lock, Felix interrupts a thread that
     * holds the bundle's lock and wants the global one, so a start can fail once for a bundle that
     * starts well a moment later.
     */
    Optional<String> start(Path jar, Bundle bundle) {
        boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        for (int attempt = 1; ; attempt++) {
            if (fragment || bundle.getState() == Bundle.ACTIVE) {
                return Optional.empty();
            }
            try {
                bundle.start();
                return Optional.empty();
            } catch (BundleException | IllegalStateException e) {
                if (attempt == START_ATTEMPTS || bundle.getState() == Bundle.UNINSTALLED || !pause()) {
                    if (debug != null) {
                        e.printStackTrace(debug);
                        debug.flush();
                    }
                    return Optional.of("plugin " + jar.getFileName() + " (" + bundle.getSymbolicName() + " "
                            + bundle.getVersion() + ") did not start: " + firstReason(e.getMessage()));
                }
            }
        }
    }

    /** Felix repeats the missing requirement in a summary after the first statement of it. */
    private static String firstReason(String message) {
        int repeat = message == null ? -1 : message.indexOf(" Unresolved requirements:");
        return repeat < 0 ? String.valueOf(message) : message.substring(0, repeat);
    }

    /** FileInstall skips such a jar silently, so waiting for it would only time out. */
    private static Optional<String> notABundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                return Optional.of("plugin " + jar.getFileName() + " is not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("plugin " + jar.getFileName() + " is not a readable jar: " + e.getMessage());
        }
    }

    private List<Path> jars() throws LaunchException {
        List<Path> jars = new ArrayList<>();
        if (!Files.exists(folder)) {
            return jars; // FileInstall picks it up once it is created
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
            files.forEach(jar -> jars.add(jar.toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new LaunchException("cannot list the plugins folder " + folder + ": " + IoReason.of(e));
        }
        return jars;
    }

    /** FileInstall installs each jar with its file URI as the bundle location. */
    private Map<Path, Bundle> installedFromFolder(BundleContext context) {
        Map<Path, Bundle> bundles = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            Path jar = jarOf(bundle);
            if (jar != null) {
                bundles.put(jar, bundle);
            }
        }
        return bundles;
    }

    /** False when interrupted (the flag stays set), so that a start gives up at once. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep() throws LaunchException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for the plugins folder");
        }
    }
}
