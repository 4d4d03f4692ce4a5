package org.drlp.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the files directly inside one folder of the class path, across every class-path root:
 * the distribution jar at run time, separate feature jars and target/classes in tests.
 */
final class ClassPathFolder {

    private ClassPathFolder() {
    }

    /** File name to resource URL, sorted by name; later roots do not override earlier ones. */
    static TreeMap<String, URL> list(String folder) {
        TreeMap<String, URL> files = new TreeMap<>();
        try {
            Enumeration<URL> roots = ClassPathFolder.class.getClassLoader().getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("jar".equals(root.getProtocol())) {
                    listJar(root, folder, files);
                } else if ("file".equals(root.getProtocol())) {
                    listDirectory(Path.of(root.toURI()), files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " on the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static void listJar(URL root, String folder, TreeMap<String, URL> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        String prefix = folder + "/";
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(prefix) && entry.length() > prefix.length()
                        && entry.indexOf('/', prefix.length()) < 0) {
                    String name = entry.substring(prefix.length());
                    files.putIfAbsent(name, new URL("jar:" + connection.getJarFileURL() + "!/" + entry));
                }
            }
        }
    }

    private static void listDirectory(Path directory, TreeMap<String, URL> files) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (Files.isRegularFile(child)) {
                    files.putIfAbsent(child.getFileName().toString(), child.toUri().toURL());
                }
            }
        }
    }
}
