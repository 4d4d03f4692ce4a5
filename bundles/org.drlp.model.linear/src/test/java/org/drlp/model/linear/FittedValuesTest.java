package org.drlp.model.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.drlp.api.SolveResult;
import org.drlp.spi.Dataset;
import org.drlp.spi.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fitted.csv: every data row with its target, the fit x_i . b and the residual, recomputed here. */
class FittedValuesTest {

    @Test
    void fittedCsvHoldsEveryRowsFitAndResidual(@TempDir Path run) throws Exception {
        Dataset data = RReferenceFiles.dataset("stackloss-weighted.csv", "stack.loss", List.of());
        Problem problem = RReferenceFiles.build(data, Fixtures.absolute(), Map.of("weights", "w", "fitted", true));
        SolveResult result = RReferenceFiles.solve(problem);
        problem.writeArtifacts(result.point(), run);
        List<String> lines = Files.readAllLines(run.resolve("fitted.csv"));
        assertEquals("row,target,fitted,residual", lines.get(0));
        assertEquals(data.rows() + 1, lines.size(), "rows of weight 0 are listed too");
        double[] b = result.point();
        for (int i = 0; i < data.rows(); i++) {
            String[] f = lines.get(i + 1).split(",");
            double fit = data.feature(i, 0) * b[0] + data.feature(i, 1) * b[1] + data.feature(i, 2) * b[2] + b[3];
            assertEquals(i + 1, Integer.parseInt(f[0]));
            assertEquals(data.target()[i], Double.parseDouble(f[1]));
            assertEquals(fit, Double.parseDouble(f[2]), 1e-12 * Math.abs(fit));
            assertEquals(data.target()[i] - fit, Double.parseDouble(f[3]), 1e-12 * Math.abs(fit));
        }
    }

    @Test
    void nothingIsWrittenUnlessAsked(@TempDir Path run) throws Exception {
        Dataset data = RReferenceFiles.dataset("engel.csv", "foodexp", List.of());
        Problem problem = RReferenceFiles.build(data, Fixtures.absolute(), Map.of());
        problem.writeArtifacts(RReferenceFiles.solve(problem).point(), run);
        assertFalse(Files.exists(run.resolve("fitted.csv")));
    }
}
