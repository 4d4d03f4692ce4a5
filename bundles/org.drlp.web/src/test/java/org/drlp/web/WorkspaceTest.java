package org.drlp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path temp;
    Path root;
    Workspace workspace;

    @BeforeEach
    void lay() throws Exception {
        root = Files.createDirectories(temp.resolve("ws"));
        Files.createDirectories(temp.resolve("out"));
        Files.writeString(temp.resolve("out/secret"), "x");
        Files.createDirectories(root.resolve("specs"));
        Files.writeString(root.resolve("specs/a.json"), "{}");
        Files.createSymbolicLink(root.resolve("link"), temp.resolve("out"));
        Files.createSymbolicLink(root.resolve("inside"), root.resolve("specs"));
        workspace = new Workspace(root);
    }

    private int refused(String name, boolean mustExist) {
        return assertThrows(WebError.class, () -> {
            if (mustExist) workspace.existing(name); else workspace.writable(name);
        }).status;
    }

    @Test
    void pathsInsideAreResolved() throws Exception {
        assertEquals(root.toRealPath().resolve("specs/a.json"), workspace.existing("specs/a.json"));
        assertEquals(root.toRealPath().resolve("specs/a.json"), workspace.existing("specs/../specs/./a.json"));
        assertEquals(root.toRealPath().resolve("results/new/x"), workspace.writable("results/new/x"));
        assertEquals("specs/a.json", workspace.relative(workspace.existing("specs/a.json")));
        assertEquals(".", workspace.relative(workspace.existing(".")));
        // a link that stays inside is followed
        assertTrue(Files.isRegularFile(workspace.existing("inside/a.json")));
    }

    @Test
    void climbingAbsoluteAndLinkedOutPathsAreForbidden() {
        for (boolean mustExist : new boolean[] {true, false}) {
            assertEquals(403, refused("../out/secret", mustExist));
            assertEquals(403, refused("specs/../../out/secret", mustExist));
            assertEquals(403, refused(temp.resolve("out/secret").toString(), mustExist));
            assertEquals(403, refused("link/secret", mustExist));
            assertEquals(403, refused("link", mustExist));
            assertEquals(403, refused("link/new/file.json", mustExist));
        }
        assertEquals(404, refused("specs/none.json", true));
        assertEquals(400, refused("", true));
        assertEquals(400, refused("a\0b", false));
    }
}
