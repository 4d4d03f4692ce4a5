package ${package};

#if( $role == "pivot" )
import org.drlp.testkit.PivotRuleContract;
import org.junit.jupiter.api.Test;

/** The rule against the workbench's contract test kit: an improving edge on random and degenerate vertices. */
class ${className}Test {

    @Test
    void keepsThePivotRuleContract() {
        PivotRuleContract.check(new ${className}());
    }
}
#elseif( $role == "loss" )
import java.util.Map;

import org.drlp.testkit.LossContract;
import org.junit.jupiter.api.Test;

/** The loss against the workbench's contract test kit: hinges, slopes and convexity agree with its values. */
class ${className}Test {

    @Test
    void keepsTheLossContract() {
        LossContract.check(new ${className}());
        for (double weight : new double[] {1e-3, 1, 10}) LossContract.check(new ${className}(), Map.of("weight", weight));
    }
}
#elseif( $role == "model" )
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.testkit.ModelContract;
import org.junit.jupiter.api.Test;

/**
 * The model against the workbench's contract test kit: its program's values, gradients, directional
 * derivatives, normals and flip effects, and the vertex walk ending OPTIMAL at the LP oracle's
 * minimum on random data.
 */
class ${className}Test {

    /** The quantile loss at tau, by its hinge. */
    private static PiecewiseLinearLoss quantile(double tau) {
        List<PiecewiseLinearLoss.Kink> kinks = List.of(new PiecewiseLinearLoss.Kink(0, -tau, 1 - tau));
        return new PiecewiseLinearLoss() {
            @Override
            public List<Kink> kinks() {
                return kinks;
            }

            @Override
            public double value(double z) {
                return z < 0 ? -tau * z : (1 - tau) * z;
            }
        };
    }

    @Test
    void keepsTheModelContract() throws IOException {
        for (double tau : new double[] {0.5, 0.1, 0.9}) {
            ModelContract.checkOnRandomData(new ${className}(), Map.of(), quantile(tau), 8);
        }
    }
}
#elseif( $role == "data" )
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.drlp.testkit.DataSourceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data source against the workbench's contract test kit: good tables load, bad ones are located. */
class ${className}Test {

    @TempDir
    Path dir;

    private Map<String, Object> table(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
        return Map.of("path", name);
    }

    @Test
    void loadsGoodTablesAndLocatesBadOnes() throws IOException {
        DataSourceContract.checkLoads(new ${className}(), table("good.txt", "a b y\n1 2 3\n4 5 6\n"), dir);
        DataSourceContract.checkLoads(new ${className}(), Map.of("path", "example.txt"), Path.of(""));
        DataSourceContract.checkRejects(new ${className}(), table("word.txt", "a y\n1 2\n3 x\n"), dir, "word.txt", 3, 2);
        DataSourceContract.checkRejects(new ${className}(), table("short.txt", "a b y\n1 2 3\n\n4 5\n"), dir,
                "short.txt", 4, 0);
        DataSourceContract.checkRejects(new ${className}(), table("inf.txt", "a y\nInfinity 1\n"), dir, "inf.txt", 2, 1);
    }
}
#elseif( $role == "lineSearch" )
import org.drlp.testkit.LineSearchContract;
import org.junit.jupiter.api.Test;

/** The line search against the workbench's contract test kit: it stops at a breakpoint with the right step and decrease. */
class ${className}Test {

    @Test
    void keepsTheLineSearchContract() {
        LineSearchContract.check(new ${className}());
    }
}
#elseif( $role == "antiCycling" )
import java.util.Map;

import org.drlp.testkit.DegeneracyRuleContract;
import org.junit.jupiter.api.Test;

/** The rule against the workbench's contract test kit: while active it chooses improving edges and ties in range. */
class ${className}Test {

    @Test
    void keepsTheAntiCyclingContract() {
        DegeneracyRuleContract.check(new ${className}());
        DegeneracyRuleContract.check(new ${className}(), Map.of("patience", 1L));
    }
}
#end
