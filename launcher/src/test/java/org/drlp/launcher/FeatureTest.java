package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The features of the distribution, as the launcher reads them from the class path. */
class FeatureTest {

    @Test
    void defaultIsEveryFeatureThatNeedsNoTerminal() {
        assertEquals(List.of("core", "networks", "regression"), Feature.defaults());
    }

    @Test
    void workbenchBringsTheShellOnTopOfCore() throws LaunchException {
        List<String> files = Feature.bundleFiles(List.of("workbench"));

        assertEquals(Feature.bundleFiles(List.of("core")), files.subList(0, Feature.bundleFiles(List.of("core")).size()));
        assertTrue(files.stream().anyMatch(file -> file.startsWith("org.drlp.shell-")), files::toString);
        assertTrue(files.stream().anyMatch(file -> file.startsWith("org.apache.felix.gogo.jline-")), files::toString);
    }

    @Test
    void allIsEveryBundleOfTheDistributionButTheSystemBundlesOwn() throws LaunchException {
        Set<String> expected = new LinkedHashSet<>(ClassPathFolder.list("bundles").keySet());
        // the API is exported by the system bundle, and FileInstall is started only for a plugins folder
        expected.removeIf(file -> file.startsWith(Workbench.API_BUNDLE_PREFIX)
                || file.startsWith("org.apache.felix.fileinstall-"));

        assertEquals(expected, new LinkedHashSet<>(Feature.bundleFiles(List.of("all"))));
    }

    @Test
    void bundlesSharedByFeaturesAreInstalledOnceInFirstOrder() throws LaunchException {
        List<String> union = new ArrayList<>(Feature.bundleFiles(List.of("core", "regression")));

        assertEquals(union, Feature.bundleFiles(List.of("core", "regression", "core")));
        assertEquals(union.size(), new LinkedHashSet<>(union).size());
    }
}
