package org.drlp.testkit;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ProgramContractTest {

    private static HingeProgram program(long seed) {
        return HingeProgram.random(new SplittableRandom(seed), 3, 10);
    }

    @Test
    void aCorrectProgramPasses() {
        for (long seed = 0; seed < 5; seed++) ProgramContract.check("hinges " + seed, program(seed), new double[3], 2);
    }

    @Test
    void aWrongFlipEffectIsCaught() {
        HingeProgram p = program(1);
        HingeProgram wrong = new HingeProgram(p.c, p.a, p.b, p.low, p.high) {
            @Override
            public double flipEffect(int k, double[] v, FlipSink sink) {
                return -super.flipEffect(k, v, sink); // the sign of the side change forgotten
            }
        };
        Broken.caught(() -> ProgramContract.check("wrong flip", wrong, new double[3], 2),
                "wrong flip", "flipEffect(", "says the slope along v changes by", "but flip(");
    }

    @Test
    void aFlipEffectReportingADownstreamChangeThatDoesNotHappenIsCaught() {
        HingeProgram p = program(2);
        HingeProgram wrong = new HingeProgram(p.c, p.a, p.b, p.low, p.high) {
            @Override
            public double flipEffect(int k, double[] v, FlipSink sink) {
                sink.accept((k + 1) % m, 0.5);
                return super.flipEffect(k, v, sink);
            }
        };
        Broken.caught(() -> ProgramContract.check("phantom", wrong, new double[3], 2),
                "reports a change of 0.5 in the rate of neuron");
    }

    @Test
    void aGradientThatMissesTheLinearPartIsCaught() {
        HingeProgram p = program(3);
        HingeProgram wrong = new HingeProgram(p.c, p.a, p.b, p.low, p.high) {
            @Override
            public double directional(double[] v, double[] dz) {
                return super.directional(v, dz) - dot(c, v);
            }

            @Override
            public void gradient(double[] out) {
                super.gradient(out);
                for (int i = 0; i < n; i++) out[i] -= c[i];
            }
        };
        Broken.caught(() -> ProgramContract.check("no c", wrong, new double[3], 2),
                "by finite differences of value()", "but directional(v) returns");
    }

    @Test
    void aNormalThatDisagreesWithTheRatesIsCaught() {
        HingeProgram p = program(4);
        HingeProgram wrong = new HingeProgram(p.c, p.a, p.b, p.low, p.high) {
            @Override
            public void normal(int j, double[] out) {
                super.normal(j, out);
                out[0] *= 2;
            }
        };
        Broken.caught(() -> ProgramContract.check("bad normal", wrong, new double[3], 2), "normal(", "but directional gives");
    }

    @Test
    void aFalseConvexityClaimIsCaught() {
        HingeProgram p = program(5);
        for (int j = 0; j < p.m; j++) {
            double t = p.low[j];
            p.low[j] = p.high[j];
            p.high[j] = t;
        }
        HingeProgram wrong = new HingeProgram(p.c, p.a, p.b, p.low, p.high) {
            @Override
            public boolean isConvex() {
                return true;
            }
        };
        Broken.caught(() -> ProgramContract.check("concave", wrong, new double[3], 2),
                "isConvex() is true, but f = ");
    }
}
