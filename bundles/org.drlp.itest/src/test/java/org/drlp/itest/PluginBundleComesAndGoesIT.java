package org.drlp.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.drlp.api.ExperimentService;
import org.drlp.api.ExperimentSummary;
import org.drlp.api.PluginCatalog;
import org.drlp.api.RunListener;
import org.drlp.api.SolveStatus;
import org.drlp.api.SpecException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A plugin bundle removed from a running framework takes its plugins with it (a spec naming them
 * is rejected with the list of what is left), and installed again they are usable by name at once:
 * the catalogue follows the services, nothing is cached or restarted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginBundleComesAndGoesIT {

    private static final long WAIT_MILLIS = 15_000;

    @Inject
    ExperimentService experiments;

    @Inject
    PluginCatalog catalog;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() {
        return Distribution.withFeatures("core", "regression").toArray(new Option[0]);
    }

    @Test
    public void pivotRulesLeaveWithTheirBundleAndComeBackWithIt() throws Exception {
        Path spec = Path.of(System.getProperty("drlp.examples"), "stackloss", "median.json");
        Bundle pivots = bundle("org.drlp.pivot");
        String location = pivots.getLocation();
        assertTrue(hasPivot("dantzig"));

        pivots.uninstall();
        await("dantzig gone with its bundle", () -> !hasPivot("dantzig"));
        try {
            experiments.run(spec, Files.createTempDirectory("drlp-itest"), RunListener.NONE);
            fail("a spec naming a removed pivot rule ran");
        } catch (SpecException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("unknown pivot rule \"dantzig\""));
        }

        Bundle again = context.installBundle(location);
        again.start();
        await("dantzig back with its bundle", () -> hasPivot("dantzig"));
        ExperimentSummary summary = experiments.run(spec, Files.createTempDirectory("drlp-itest"), RunListener.NONE);
        assertEquals(SolveStatus.OPTIMAL, summary.runs().get(0).status());
        assertEquals(14518.0 / 345, summary.runs().get(0).objective(), 1e-9);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) return bundle;
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private boolean hasPivot(String name) {
        return catalog.plugins().stream().anyMatch(p -> p.role().equals("pivot") && p.name().equals(name));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) fail("gave up waiting " + WAIT_MILLIS / 1000 + " s for " + what);
            Thread.sleep(50);
        }
    }
}
