package org.drlp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.drlp.api.ExperimentService;
import org.drlp.api.PluginCatalog;
import org.drlp.api.ReportService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Felix with the chosen features installed and started. The API packages are exported
 * by the system bundle from the launcher's own class path, so that the launcher can call the
 * services with typed interfaces; the API bundle itself is therefore never installed.
 */
final class Workbench implements AutoCloseable {

    static final String API_BUNDLE_PREFIX = "org.drlp.api-";
    /** Gogo's console: reads standard input and stops the framework at its end, so only for the shell command. */
    static final String CONSOLE_BUNDLE_PREFIX = "org.apache.felix.gogo.jline-";
    private static final String JLINE_BUNDLE = "org.jline";
    private static final long SERVICE_TIMEOUT_MILLIS = 20_000;
    private static final long PLUGIN_SCAN_TIMEOUT_MILLIS = 15_000;

    private final Framework framework;
    private final FrameworkStorage storage;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Stopping the framework lets every bundle finish cleanly; results.json is already written atomically. */
    private final Thread shutdownHook = new Thread(() -> {
        StopOnSignal.awaitCommandEnd(); // an experiment being stopped still needs its bundles
        stop();
    }, "drlp-shutdown");

    private Workbench(Framework framework, FrameworkStorage storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /** Without a console and without debugging output: see {@link #start(List, PluginFolder, Mode)}. */
    static Workbench start(List<String> featureNames, PluginFolder plugins) throws LaunchException {
        return start(featureNames, plugins, Mode.BATCH);
    }

    /**
     * How the framework talks to the user.
     *
     * @param console  install Gogo's console (it reads standard input; for the shell command only)
     * @param debug    where framework errors and warnings go with their stack traces, or null
     */
    record Mode(boolean console, PrintWriter debug) {
        static final Mode BATCH = new Mode(false, null);
    }

    /**
     * Boots the framework with the named features, in order, and hot-deploys the plugins folder
     * when one is given; a shutdown hook stops the framework cleanly on SIGINT or SIGTERM.
     */
    static Workbench start(List<String> featureNames, PluginFolder plugins, Mode mode) throws LaunchException {
        List<String> bundleFiles = Feature.bundleFiles(featureNames).stream()
                .filter(file -> mode.console() || !file.startsWith(CONSOLE_BUNDLE_PREFIX)).toList();
        Map<String, URL> bundles = ClassPathFolder.list("bundles");
        FrameworkStorage storage = FrameworkStorage.create();
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.cache().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiExports(bundles));
        // Felix's own logger: errors only, warnings too when debugging; SCR's likewise
        config.put("felix.log.level", mode.debug() == null ? "1" : "2");
        config.put("ds.loglevel", mode.debug() == null ? "error" : "warn");
        if (plugins != null) {
            config.putAll(plugins.fileInstallSettings());
        }
        Framework framework;
        try {
            framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                    .orElseThrow(() -> new LaunchException("no OSGi framework on the class path"))
                    .newFramework(config);
        } catch (LaunchException | RuntimeException e) {
            storage.close();
            throw e;
        }
        Workbench workbench = new Workbench(framework, storage);
        try {
            framework.init();
            if (mode.debug() != null) {
                framework.getBundleContext().addFrameworkListener(new FrameworkEvents(mode.debug()));
            }
            framework.start();
            Runtime.getRuntime().addShutdownHook(workbench.shutdownHook);
            workbench.install(bundleFiles, bundles);
            if (plugins != null) {
                workbench.startHotDeployment(bundles, plugins);
            }
        } catch (BundleException | LaunchException | RuntimeException e) {
            workbench.close();
            if (e instanceof LaunchException le) {
                throw le;
            }
            throw new LaunchException(e.getMessage(), e);
        }
        return workbench;
    }

    /** The API bundle's own Export-Package header, so the versions are declared in one place. */
    private static String apiExports(Map<String, URL> bundles) throws LaunchException {
        for (Map.Entry<String, URL> bundle : bundles.entrySet()) {
            if (bundle.getKey().startsWith(API_BUNDLE_PREFIX)) {
                try (JarInputStream jar = new JarInputStream(bundle.getValue().openStream())) {
                    Manifest manifest = jar.getManifest();
                    String exports = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
                    if (exports != null) {
                        return exports;
                    }
                } catch (IOException e) {
                    throw new LaunchException("cannot read " + bundle.getKey() + ": " + e.getMessage());
                }
            }
        }
        throw new LaunchException("the API bundle is missing from the distribution");
    }

    private void install(List<String> bundleFiles, Map<String, URL> bundles) throws BundleException, LaunchException {
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String file : bundleFiles) {
            URL url = bundles.get(file);
            if (url == null) {
                throw new LaunchException("a feature lists " + file + ", which is not in the distribution");
            }
            try (InputStream in = url.openStream()) {
                installed.add(context.installBundle("drlp:" + file, in));
            } catch (IOException e) {
                throw new LaunchException("cannot read bundle " + file + ": " + e.getMessage());
            }
        }
        for (Bundle bundle : installed) {
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                try {
                    if (bundle.getLocation().startsWith("drlp:" + CONSOLE_BUNDLE_PREFIX)) {
                        startConsole(bundle, installed);
                    } else {
                        bundle.start();
                    }
                } catch (BundleException e) {
                    throw new LaunchException("bundle " + bundle.getSymbolicName() + " " + bundle.getVersion()
                            + " cannot start: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Starts the JLine console. JLine finds its terminal providers through the thread's context class
     * loader, and the console's thread, which the bundle starts, inherits it: it must be the JLine
     * bundle's own. The launcher's (it has a JLine of its own, for progress bars) would hand it
     * providers of the wrong JLine, and the console would fall back to a dumb terminal, without
     * line editing, history or completion.
     */
    private static void startConsole(Bundle console, List<Bundle> installed) throws BundleException {
        ClassLoader jline = installed.stream().filter(b -> JLINE_BUNDLE.equals(b.getSymbolicName())).findFirst()
                .map(b -> b.adapt(BundleWiring.class)).map(BundleWiring::getClassLoader).orElse(null);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (jline != null) thread.setContextClassLoader(jline);
        try {
            console.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** FileInstall, configured by the framework properties, watches the folder from now on. */
    private void startHotDeployment(Map<String, URL> bundles, PluginFolder plugins) throws LaunchException {
        URL fileInstall = bundles.entrySet().stream().filter(e -> e.getKey().startsWith("org.apache.felix.fileinstall-"))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new LaunchException("the hot-deploy bundle is missing from the distribution"));
        try (InputStream in = fileInstall.openStream()) {
            framework.getBundleContext().installBundle("drlp:fileinstall", in).start();
        } catch (IOException | BundleException e) {
            throw new LaunchException("cannot start hot deployment from " + plugins.path() + ": " + e.getMessage());
        }
    }

    /** See {@link PluginFolder#watch}. */
    void watchPlugins(PluginFolder plugins, Consumer<String> report) {
        plugins.watch(framework.getBundleContext(), report);
    }

    /** See {@link PluginFolder#awaitInitialScan}. */
    List<String> awaitPlugins(PluginFolder plugins) throws LaunchException {
        return plugins.awaitInitialScan(framework.getBundleContext(), PLUGIN_SCAN_TIMEOUT_MILLIS);
    }

    /** Blocks until something stops the framework: the Gogo shell on exit, or the shutdown hook. */
    void awaitStop() throws LaunchException {
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while the workbench was running");
        }
    }

    ExperimentService experiments() throws LaunchException {
        return service(ExperimentService.class);
    }

    ReportService reports() throws LaunchException {
        return service(ReportService.class);
    }

    PluginCatalog plugins() throws LaunchException {
        return service(PluginCatalog.class);
    }

    private <S> S service(Class<S> type) throws LaunchException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(framework.getBundleContext(), type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
            if (service == null) {
                throw new LaunchException("no " + type.getSimpleName() + " service appeared within "
                        + TimeUnit.MILLISECONDS.toSeconds(SERVICE_TIMEOUT_MILLIS) + " s; is the core feature installed?");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for " + type.getSimpleName());
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, and the hook is stopping the framework
        }
        stop();
    }

    /** Idempotent: called by close() and by the shutdown hook, whichever comes first. */
    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            System.err.println("warning: the framework did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storage.close();
        }
    }
}
