package org.drlp.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code exit [STATUS]} in the Gogo shell. Gogo 1.1's plain shell has no exit of its own (its profile
 * only exposes System.exit(int), which halts the JVM under the running framework), so this one stops
 * the framework cleanly, as end of input does. It sits in the {@code gogo} scope because the shell
 * looks there first.
 */
@Component(service = ShellExit.class, property = {"osgi.command.scope=gogo", "osgi.command.function=exit"})
public final class ShellExit {

    /** Read by the drlp launcher once the framework has stopped, to end the process with this status. */
    static final String STATUS_PROPERTY = "drlp.shell.exitStatus";

    /**
     * Stopping at once would interrupt the console while it still waits for this command to
     * return, which Gogo reports as an error; a moment later it is idle at its prompt.
     */
    private static final long STOP_DELAY_MILLIS = 200;

    private final Bundle framework;

    @Activate
    public ShellExit(BundleContext context) {
        this.framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
    }

    @Descriptor("leave the shell and stop the workbench")
    public void exit() {
        exit(0);
    }

    @Descriptor("leave the shell and stop the workbench; the process ends with the given status")
    public void exit(@Descriptor("exit status of the process") int status) {
        System.setProperty(STATUS_PROPERTY, Integer.toString(status));
        CompletableFuture.runAsync(this::stopFramework,
                CompletableFuture.delayedExecutor(STOP_DELAY_MILLIS, TimeUnit.MILLISECONDS));
    }

    private void stopFramework() {
        try {
            framework.stop();
        } catch (BundleException e) {
            System.err.println("exit: cannot stop the framework: " + e.getMessage());
        }
    }
}
