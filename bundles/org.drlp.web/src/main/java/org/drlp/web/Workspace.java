package org.drlp.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folder the server may read and write: every path a client names is relative to it, and is
 * refused when it is absolute, climbs out with {@code ..}, or reaches outside through a symbolic
 * link (403), or does not exist when it must (404).
 */
final class Workspace {

    private final Path root;

    Workspace(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /** The workspace-relative name of a path inside it, with forward slashes. */
    String relative(Path path) {
        String text = root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    /** An existing file or folder inside the workspace. */
    Path existing(String name) throws WebError {
        Path path = writable(name); // first inside, so that a 404 never tells what exists outside
        if (!Files.exists(path)) {
            throw new WebError(404, "not found: " + name);
        }
        insideAfterLinks(name, path);
        return path;
    }

    /**
     * A path inside the workspace that may not exist yet (a spec to save, an output folder): its
     * nearest existing ancestor must be inside the workspace once links are followed.
     */
    Path writable(String name) throws WebError {
        Path path = lexical(name);
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new WebError(403, "outside the workspace: " + name, true);
        }
        insideAfterLinks(name, existing);
        if (Files.isSymbolicLink(path)) {
            insideAfterLinks(name, path);
        }
        return path;
    }

    private Path lexical(String name) throws WebError {
        if (name == null || name.isBlank()) {
            throw new WebError(400, "a workspace path is required");
        }
        if (name.indexOf('\0') >= 0) {
            throw new WebError(400, "a path may not contain a NUL character", true);
        }
        Path given;
        try {
            given = Path.of(name);
        } catch (InvalidPathException e) {
            throw new WebError(400, "not a path: " + name, true);
        }
        if (given.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw new WebError(403, "absolute paths are refused; name a path inside the workspace: " + name, true);
        }
        Path path = root.resolve(given).normalize();
        if (!path.startsWith(root)) {
            throw new WebError(403, "outside the workspace: " + name, true);
        }
        return path;
    }

    private void insideAfterLinks(String name, Path path) throws WebError {
        try {
            if (!path.toRealPath().startsWith(root)) {
                throw new WebError(403, "outside the workspace (through a symbolic link): " + name, true);
            }
        } catch (IOException e) {
            throw new WebError(404, "not found: " + name);
        }
    }
}
