package org.drlp.signature;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One package of compiled main classes: its top-level types and its {@code @Version}, found from the
 * folder that holds a known class of it (so that test classes in the same package are not mistaken
 * for API).
 */
record CompiledPackage(String name, Path folder, ClassLoader loader) {

    static final String VERSION_ANNOTATION = "org.osgi.annotation.versioning.Version";

    static CompiledPackage of(Class<?> member) {
        try {
            Path root = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            String name = member.getPackageName();
            Path folder = root.resolve(name.replace('.', '/'));
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException(member.getName() + " is not loaded from a class folder: " + root);
            }
            return new CompiledPackage(name, folder, member.getClassLoader());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every top-level class of the package (nested ones are reached through their owners). */
    List<Class<?>> topLevelTypes() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String simple = file.getFileName().toString();
                if (!simple.endsWith(".class") || simple.contains("$") || simple.equals("package-info.class")) continue;
                types.add(Class.forName(name + "." + simple.substring(0, simple.length() - ".class".length()),
                        false, loader));
            }
        }
        return types;
    }

    /** The version {@code @Version} in package-info gives the package. */
    PackageVersion version() throws IOException {
        Path info = folder.resolve("package-info.class");
        try (InputStream in = Files.newInputStream(info)) {
            Map<String, Object> values = ClassAnnotations.read(in).get(VERSION_ANNOTATION);
            if (values == null || !(values.get("value") instanceof String v)) {
                throw new IllegalStateException(name + " has no @Version in package-info");
            }
            return PackageVersion.parse(v);
        }
    }

    ApiSignature signature() throws IOException, ClassNotFoundException {
        return SignatureReader.of(topLevelTypes());
    }
}
