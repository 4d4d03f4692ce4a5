package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model lp as the workbench calls it: the check before anything runs, and build. */
class LpModelProviderTest {

    private final LpModelProvider provider = new LpModelProvider();

    private Parameters parameters(Map<String, Object> given, Path base) {
        return Parameters.resolve("model \"lp\"", provider.parameters(), given, base);
    }

    private List<String> check(Parameters parameters, String method) {
        List<String> problems = new ArrayList<>();
        provider.check(parameters, new CheckContext() {
            @Override
            public void problem(String parameter, String message) {
                problems.add(parameter + ": " + message);
            }

            @Override
            public Optional<List<String>> featureNames() {
                return Optional.empty();
            }

            @Override
            public Optional<String> model() {
                return Optional.of("lp");
            }

            @Override
            public Optional<String> method() {
                return Optional.ofNullable(method);
            }
        });
        return problems;
    }

    @Test
    void aMalformedFileIsReportedWithItsLineBeforeAnythingRuns(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("bad.mps"), "NAME\nROWS\n N obj\n L r\nCOLUMNS\n x obj 1 q 2\nENDATA\n");
        List<String> problems = check(parameters(Map.of("file", "bad.mps"), folder), "vertex-walk");
        assertEquals(List.of("file: " + folder.resolve("bad.mps") + ":6: unknown row \"q\" in column \"x\" (not in ROWS)"),
                problems);
    }

    @Test
    void aMissingFileOrADirectoryIsReported(@TempDir Path folder) {
        assertEquals(List.of("file: " + folder + ": a directory, not an MPS file"),
                check(parameters(Map.of("file", "."), folder), "vertex-walk"));
        assertEquals(List.of("file: " + folder.resolve("none.mps") + ": no such file"),
                check(parameters(Map.of("file", "none.mps"), folder), "vertex-walk"));
    }

    @Test
    void onlyTheVertexWalkConcludesAnLp() {
        Parameters afiro = parameters(Map.of("file", LpSolve.netlib("afiro").toAbsolutePath().toString()), null);
        assertEquals(List.of(), check(afiro, "vertex-walk"));
        assertEquals(List.of("null: model \"lp\" needs the method \"vertex-walk\", which walks on from the penalty's "
                + "minimum to the LP's answer; \"adam\" does not"), check(afiro, "adam"));
    }

    @Test
    void buildsTheProblemWithColumnNames() throws IOException {
        Problem problem = provider.build(null, null,
                parameters(Map.of("file", LpSolve.netlib("afiro").toAbsolutePath().toString()), null));
        assertEquals(32, problem.parameterNames().size());
        assertEquals("X01", problem.parameterNames().get(0));
        assertEquals(32, problem.program().dimension());
    }

    @Test
    void integersAreRejectedUnlessRelaxed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("mip.mps"), "NAME\nROWS\n N obj\n L r\nCOLUMNS\n x obj 1 r 1\nRHS\n r 1\n"
                + "BOUNDS\n BV b x\nENDATA\n");
        assertThrows(MpsFormatException.class, () -> provider.build(null, null, parameters(Map.of("file", "mip.mps"), folder)));
        Problem relaxed = provider.build(null, null, parameters(Map.of("file", "mip.mps", "integers", "relax"), folder));
        assertEquals(List.of("x"), relaxed.parameterNames());
    }
}
