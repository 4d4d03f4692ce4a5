package org.drlp.launcher;

import java.io.PrintWriter;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/** Under --debug: every framework error and warning (a bundle that failed to start, say) with its stack trace. */
final class FrameworkEvents implements FrameworkListener {

    private final PrintWriter debug;

    FrameworkEvents(PrintWriter debug) {
        this.debug = debug;
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        String kind = switch (event.getType()) {
            case FrameworkEvent.ERROR -> "error";
            case FrameworkEvent.WARNING -> "warning";
            default -> null;
        };
        if (kind == null) {
            return;
        }
        Bundle bundle = event.getBundle();
        debug.println("drlp: debug: framework " + kind + " from bundle "
                + (bundle == null ? "?" : bundle.getSymbolicName() + " " + bundle.getVersion()) + ":");
        if (event.getThrowable() != null) {
            event.getThrowable().printStackTrace(debug);
        }
        debug.flush();
    }
}
