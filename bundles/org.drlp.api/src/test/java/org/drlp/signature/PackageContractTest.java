package org.drlp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.drlp.api.ExperimentService;
import org.drlp.spi.Plugin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the two packages promise third parties beyond their signatures: direction and roles. */
class PackageContractTest {

    private static final Set<String> ROLES = Set.of("org.osgi.annotation.versioning.ProviderType",
            "org.osgi.annotation.versioning.ConsumerType");

    @Test
    void noApiClassReferencesTheSpi() throws IOException {
        Path api = CompiledPackage.of(ExperimentService.class).folder();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(api)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                // every type a class file uses is named in its constant pool, in internal form
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (bytes.contains("org/drlp/spi/")) offenders.add(file.getFileName().toString());
            }
        }
        assertEquals(List.of(), offenders, "org.drlp.api must not use org.drlp.spi (the SPI builds on the API)");
    }

    @Test
    void theBundleExportsTheApiWithoutUsesOfTheSpi() throws Exception {
        Path classes = Path.of(ExperimentService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path manifestFile = classes.resolve("META-INF/MANIFEST.MF");
        Assumptions.assumeTrue(Files.exists(manifestFile), "no bnd manifest (not built by Maven)");
        String exports;
        try (var in = Files.newInputStream(manifestFile)) {
            exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
        }
        String apiClause = clauses(exports).stream().filter(c -> c.startsWith("org.drlp.api;")).findFirst()
                .orElseThrow(() -> new AssertionError("org.drlp.api not exported: " + exports));
        assertTrue(!apiClause.contains("org.drlp.spi"), apiClause);
    }

    /** The clauses of a manifest header: split at commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString().trim());
        return clauses;
    }

    @Test
    void everyInterfaceSaysWhoImplementsIt() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<?> member : List.of(ExperimentService.class, Plugin.class)) {
            for (Class<?> type : CompiledPackage.of(member).topLevelTypes()) collectUnannotated(type, missing);
        }
        assertEquals(List.of(), missing, "each needs exactly one of @ProviderType (the workbench implements it) "
                + "and @ConsumerType (plugins or callers implement it)");
    }

    private static void collectUnannotated(Class<?> type, List<String> missing) {
        if (type.isInterface() && !type.isAnnotation()) {
            long roles = ClassAnnotations.of(type).keySet().stream().filter(ROLES::contains).count();
            if (roles != 1) missing.add(type.getName());
        }
        for (Class<?> nested : type.getDeclaredClasses()) collectUnannotated(nested, missing);
    }
}
