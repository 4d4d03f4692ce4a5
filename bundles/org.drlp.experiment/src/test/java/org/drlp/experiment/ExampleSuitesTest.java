package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drlp.api.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The shipped problem-suite examples, examples/suites, run as the README says. */
class ExampleSuitesTest {

    private static final Path SUITES = Path.of("../../examples/suites");

    @TempDir
    Path directory;

    /** Every table of examples/data, the last column the target; stackloss's LAD optimum is 14518/345 (exact). */
    @Test
    void csvFolderFitsEveryTableOfTheExampleData() throws Exception {
        ShippedPlugins.runner().run(SUITES.resolve("csv-folder.json"), directory.resolve("out"), RunListener.NONE);
        JsonArray runs = Specs.results(directory.resolve("out")).getAsJsonArray("runs");
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            JsonObject run = runs.get(r).getAsJsonObject();
            assertEquals("OPTIMAL", run.get("status").getAsString(), run.get("label").getAsString());
            problems.add(run.get("problem").getAsString());
            if (run.get("problem").getAsString().equals("data.path=stackloss")) {
                assertEquals(14518.0 / 345, run.get("objective").getAsDouble(), 1e-9);
            }
        }
        assertEquals(List.of("data.path=engel", "data.path=engel", "data.path=relu-paper", "data.path=relu-paper", "data.path=stackloss",
                "data.path=stackloss"), problems);
    }

    /** Its runs are solved in {@link SyntheticKindsSolveTest}, against an LP oracle; here the example must plan. */
    @Test
    void syntheticKindsPlansTwentyEightRuns() throws Exception {
        assertEquals(28, ShippedPlugins.runner().validate(SUITES.resolve("synthetic-kinds.json")));
    }
}
