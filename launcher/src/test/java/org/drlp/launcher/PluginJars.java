package org.drlp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.drlp.launcher.testplugin.HangingRule;
import org.drlp.launcher.testplugin.HotDroppedRule;

/**
 * Plugin bundles written by hand (manifest, Declarative Services XML, class file), as a third party
 * would build them with bnd, and dropped into a folder in one atomic move so that FileInstall
 * never sees half a jar.
 */
final class PluginJars {

    static final String RULE_BUNDLE = "org.drlp.test.hotdropped";
    static final String RULE_VERSION = "1.2.3";
    static final String BROKEN_BUNDLE = "org.drlp.test.broken";
    static final String MISSING_PACKAGE = "org.drlp.test.nowhere";

    private PluginJars() {
    }

    static final String HANGING_BUNDLE = "org.drlp.test.hanging";

    /** A bundle registering {@link HotDroppedRule} as a pivot rule. */
    static Path dropPivotRule(Path folder) throws IOException {
        return dropPivotRule(folder, HotDroppedRule.class, HotDroppedRule.NAME, RULE_BUNDLE, "hot-dropped-rule.jar");
    }

    /** A bundle registering {@link HangingRule} as a pivot rule. */
    static Path dropHangingRule(Path folder) throws IOException {
        return dropPivotRule(folder, HangingRule.class, HangingRule.NAME, HANGING_BUNDLE, "hanging-rule.jar");
    }

    /** A bundle registering one pivot-rule class, a method reference and nothing else (see HotDroppedRule). */
    private static Path dropPivotRule(Path folder, Class<?> rule, String ruleName, String bundle, String jarName)
            throws IOException {
        String type = rule.getName();
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <property name="name" type="String" value="%s"/>
                  <service><provide interface="org.drlp.spi.PivotRuleProvider"/></service>
                  <implementation class="%s"/>
                </scr:component>
                """.formatted(type, ruleName, type);
        String classFile = type.replace('.', '/') + ".class";
        byte[] classBytes;
        try (InputStream in = rule.getClassLoader().getResourceAsStream(classFile)) {
            classBytes = in.readAllBytes();
        }
        Manifest manifest = manifest(bundle, RULE_VERSION, Map.of(
                "Import-Package", "org.drlp.api;version=\"[2.0,3)\",org.drlp.spi;version=\"[2.0,3)\"",
                "Service-Component", "OSGI-INF/rule.xml"));
        return drop(folder, jarName, manifest,
                Map.of("OSGI-INF/rule.xml", component.getBytes(StandardCharsets.UTF_8), classFile, classBytes));
    }

    /** A bundle that imports a package nobody exports, so it can never resolve. */
    static Path dropUnresolvable(Path folder) throws IOException {
        Manifest manifest = manifest(BROKEN_BUNDLE, "2.0.0", Map.of("Import-Package", MISSING_PACKAGE));
        return drop(folder, "broken.jar", manifest, Map.of());
    }

    private static Manifest manifest(String symbolicName, String version, Map<String, String> headers) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        headers.forEach(main::putValue);
        return manifest;
    }

    private static Path drop(Path folder, String name, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        // staged beside the target (FileInstall watches only *.jar), so that the move is atomic
        Path staging = Files.createTempFile(folder, name, ".part");
        try (OutputStream file = Files.newOutputStream(staging); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return Files.move(staging, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
