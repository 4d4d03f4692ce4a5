package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The features against the resolution that features/all checks at build time (bnd's resolver on the
 * target platform's index): every bundle the resolution needs is one the launcher installs for
 * those features, so that a feature that forgot a bundle fails the build instead of a launch.
 */
class FeatureResolutionTest {

    private static final Pattern RUNBUNDLE = Pattern.compile("^\\s*([A-Za-z0-9_.-]+);version=", Pattern.MULTILINE);

    @ParameterizedTest
    @CsvSource({"core, core", "default, core regression networks", "all, all"})
    void everyBundleTheResolutionNeedsIsInstalledByTheFeatures(String bndrun, String features) throws Exception {
        Set<String> installed = symbolicNames(Feature.bundleFiles(List.of(features.split(" "))));
        // the launcher's system bundle exports the API in the resolution's API bundle's place
        installed.add("org.drlp.api");
        List<String> missing = new ArrayList<>();
        for (String bundle : resolved(bndrun)) {
            if (!installed.contains(bundle)) missing.add(bundle);
        }
        assertTrue(missing.isEmpty(), "features " + features + " do not install " + missing
                + ", which the resolution features/bndrun-resolved/" + bndrun + ".bndrun needs");
    }

    @Test
    void theResolutionsAreOnTheClassPath() throws Exception {
        assertTrue(resolved("all").contains("org.drlp.shell"), "the resolution of all has the shell");
    }

    /** The bundles of a resolved bndrun's -runbundles, by symbolic name (a multi-release variant as its jar). */
    private static Set<String> resolved(String bndrun) throws IOException {
        URL url = FeatureResolutionTest.class.getClassLoader().getResource("features/bndrun-resolved/" + bndrun + ".bndrun");
        assertTrue(url != null, "features/all's build writes features/bndrun-resolved/" + bndrun + ".bndrun");
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = RUNBUNDLE.matcher(text.substring(text.indexOf("-runbundles:")));
        while (m.find()) names.add(m.group(1).replaceAll("__\\d+$", ""));
        return names;
    }

    private static Set<String> symbolicNames(List<String> files) throws IOException {
        Map<String, URL> bundles = ClassPathFolder.list("bundles");
        Set<String> names = new TreeSet<>();
        for (String file : files) {
            try (JarInputStream jar = new JarInputStream(bundles.get(file).openStream())) {
                String bsn = jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
                names.add(bsn.split(";")[0].trim());
            }
        }
        return names;
    }
}
