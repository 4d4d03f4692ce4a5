package org.drlp.experiment;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.drlp.spi.PluginRole;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.drlp.spi.EdgeView;
import org.drlp.spi.LossProvider;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PiecewiseLinearLoss;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.Problem;

/** Plugins that misbehave in every way a third-party plugin might, registered beside the good ones. */
final class FaultyPlugins {

    private FaultyPlugins() {
    }

    /**
     * Spins until {@code release} is set (or, when not {@code stubborn}, until interrupted); a
     * stubborn hang ignores interrupts as a CPU-bound loop would.
     */
    static void hang(AtomicBoolean release, boolean stubborn) {
        while (!release.get()) {
            if (!stubborn && Thread.currentThread().isInterrupted()) return;
            Thread.onSpinWait();
        }
    }

    /** Registers every faulty plugin in the test registry; hung ones spin until {@code release} is set. */
    static void register(TestPlugins plugins, AtomicBoolean release) {
        for (String name : List.of("throws", "assertion", "out-of-range", "non-improving", "nan", "never-returns")) {
            plugins.registry.add(PluginRole.PIVOT, new Pivot(name, release), plugins.reference("test.faulty"));
        }
        plugins.registry.add(PluginRole.DATA, new Data("hanging-data", release), plugins.reference("test.faulty"));
        plugins.registry.add(PluginRole.DATA, new Data("npe-data", release), plugins.reference("test.faulty"));
        plugins.registry.add(PluginRole.MODEL, new Model("throwing-model", release), plugins.reference("test.faulty"));
        plugins.registry.add(PluginRole.MODEL, new Model("hanging-model", release), plugins.reference("test.faulty"));
        plugins.registry.add(PluginRole.LOSS, new Loss("throwing-loss", release), plugins.reference("test.faulty"));
    }

    private abstract static class Named {
        final String name;
        final AtomicBoolean release;

        Named(String name, AtomicBoolean release) {
            this.name = name;
            this.release = release;
        }

        public String name() {
            return name;
        }

        public String description() {
            return "misbehaves: " + name;
        }

        public List<ParameterSpec> parameters() {
            return List.of();
        }
    }

    static final class Pivot extends Named implements PivotRuleProvider {
        Pivot(String name, AtomicBoolean release) {
            super(name, release);
        }

        @Override
        public PivotRule create(Parameters parameters) {
            return this::choose;
        }

        private int choose(EdgeView edges) {
            switch (name) {
                case "throws":
                    throw new IllegalStateException("rule state corrupted");
                case "assertion":
                    throw new AssertionError("rule invariant broken");
                case "out-of-range":
                    return edges.size() + 3;
                case "non-improving":
                    for (int e = 0; e < edges.size(); e++) if (!edges.improving(e)) return e;
                    return -1;
                case "nan": { // a score that turned NaN, cast to an index: always edge 0, improving or not
                    double score = edges.slope(0) * Double.NaN;
                    return (int) score;
                }
                case "never-returns":
                    hang(release, true);
                    return -1;
                default:
                    throw new AssertionError(name);
            }
        }
    }

    static final class Data extends Named implements DataSourceProvider {
        Data(String name, AtomicBoolean release) {
            super(name, release);
        }

        @Override
        public Dataset load(Parameters parameters) {
            if (name.equals("hanging-data")) hang(release, false);
            String missing = null;
            return new Dataset(missing.trim(), List.of(), "y", 0, new double[0], new double[0]);
        }
    }

    static final class Model extends Named implements ModelProvider {
        Model(String name, AtomicBoolean release) {
            super(name, release);
        }

        @Override
        public Problem build(Dataset data, PiecewiseLinearLoss loss, Parameters parameters) {
            if (name.equals("hanging-model")) hang(release, true);
            throw new UnsupportedOperationException("cannot build from " + data.rows() + " rows");
        }
    }

    static final class Loss extends Named implements LossProvider {
        Loss(String name, AtomicBoolean release) {
            super(name, release);
        }

        @Override
        public PiecewiseLinearLoss create(Parameters parameters) {
            throw new ArithmeticException("slopes overflowed");
        }
    }
}
