package org.drlp.testkit;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.Dataset;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.Problem;
import org.drlp.spi.ReluProgram;
import org.junit.jupiter.api.Test;

class ModelContractTest {

    /** Least absolute deviations with an intercept, as a plain dense hinge program. */
    static final class Lad implements ModelProvider {
        final boolean wrongStart;

        Lad(boolean wrongStart) {
            this.wrongStart = wrongStart;
        }

        @Override
        public String name() {
            return "lad";
        }

        @Override
        public String description() {
            return "least absolute deviations";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) {
            int n = data.columns() + 1, rows = data.rows();
            double[][] a = new double[rows][n];
            double[] b = new double[rows], low = new double[rows], high = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < data.columns(); c++) a[i][c] = data.feature(i, c);
                a[i][n - 1] = 1;
                b[i] = data.target()[i];
                low[i] = -1;
                high[i] = 1;
            }
            HingeProgram program = new HingeProgram(new double[n], a, b, low, high);
            List<String> names = new java.util.ArrayList<>(data.featureNames());
            names.add("intercept");
            return new Problem() {
                @Override
                public ReluProgram program() {
                    return program;
                }

                @Override
                public double[] start() {
                    return new double[wrongStart ? n + 1 : n];
                }

                @Override
                public List<String> parameterNames() {
                    return names;
                }
            };
        }
    }

    @Test
    void aCorrectModelEndsCertifiedAtTheOraclesMinimum() throws IOException {
        ModelContract.checkOnRandomData(new Lad(false), Map.of(), null, 12);
    }

    @Test
    void aStartOfTheWrongLengthIsCaught() {
        Broken.caught(() -> ModelContract.checkOnRandomData(new Lad(true), Map.of(), null, 1),
                "model \"lad\"", "start() has length");
    }

    @Test
    void aWalkEndingAboveTheOracleIsCaught() {
        // a program whose value is right but whose gradient hides one hinge: the walk stops early
        HingeProgram p = HingeProgram.random(new java.util.SplittableRandom(9), 2, 12);
        HingeProgram blind = new HingeProgram(p.c, p.a, p.b, p.low, p.high) {
            @Override
            public boolean isConvex() {
                return true;
            }

            @Override
            public void normal(int j, double[] out) {
                super.normal(j, out);
                if (j == 0) java.util.Arrays.fill(out, 0);
            }

            @Override
            public double directional(double[] v, double[] dz) {
                double slope = super.directional(v, dz);
                slope -= slope(0) * dz[0];
                dz[0] = 0;
                return slope;
            }

            @Override
            public void gradient(double[] out) {
                super.gradient(out);
                for (int i = 0; i < n; i++) out[i] -= slope(0) * a[0][i];
            }
        };
        Broken.caught(() -> ModelContract.checkCertified("blind", blind, new double[2], false), "blind");
    }
}
