package org.drlp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Felix with the chosen features installed and started. The API packages are exported
 * by the system bundle from the launcher's own class path, so that the launcher can call the
 * services with typed interfaces; the API bundle itself is therefore never installed.
 */
final class Workbench implements AutoCloseable {

    static final String API_BUNDLE_PREFIX = "org.drlp.api-";
    private static final long SERVICE_TIMEOUT_MILLIS = 20_000;
    private static final long PLUGIN_SCAN_TIMEOUT_MILLIS = 15_000;

    private final Framework framework;
    private final Path storage;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Stopping the framework lets every bundle finish cleanly; results.json is already written atomically. */
    private final Thread shutdownHook = new Thread(this::stop, "drlp-shutdown");

    private Workbench(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Boots the framework with the named features, in order, and hot-deploys the plugins folder
     * when one is given; a shutdown hook stops the framework cleanly on SIGINT or SIGTERM.
     */
    static Workbench start(List<String> featureNames, PluginFolder plugins) throws LaunchException {
        List<String> bundleFiles = Feature.bundleFiles(featureNames);
        Map<String, URL> bundles = ClassPathFolder.list("bundles");
        Path storage;
        try {
            storage = Files.createTempDirectory("drlp-felix");
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework's storage folder: " + e.getMessage());
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiExports(bundles));
        config.put("felix.log.level", "1");
        if (plugins != null) {
            config.putAll(plugins.fileInstallSettings());
        }
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path"))
                .newFramework(config);
        Workbench workbench = new Workbench(framework, storage);
        try {
            framework.start();
            Runtime.getRuntime().addShutdownHook(workbench.shutdownHook);
            workbench.install(bundleFiles, bundles);
            if (plugins != null) {
                workbench.startHotDeployment(bundles, plugins);
            }
        } catch (BundleException | LaunchException | RuntimeException e) {
            workbench.close();
            throw e instanceof LaunchException le ? le : new LaunchException(e.getMessage());
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
                    bundle.start();
                } catch (BundleException e) {
                    throw new LaunchException("bundle " + bundle.getSymbolicName() + " " + bundle.getVersion()
                            + " cannot start: " + e.getMessage());
                }
            }
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
            deleteQuietly(storage);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
