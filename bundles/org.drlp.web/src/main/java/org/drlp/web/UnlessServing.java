package org.drlp.web;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Keeps Jetty from listening when the web feature comes with another command than {@code serve}
 * (the feature {@code all} includes it): Felix HTTP would otherwise open port 8080 on every
 * interface, with no token. This bundle starts before Jetty's (the feature lists it first) and,
 * when {@code serve} has not configured a workspace, turns Felix HTTP off for this JVM.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class UnlessServing implements BundleActivator {

    static final String HTTP_ENABLE = "org.apache.felix.http.enable";

    @Override
    public void start(BundleContext context) {
        if (context.getProperty(WebServlet.WORKSPACE) == null) {
            System.setProperty(HTTP_ENABLE, "false");
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
