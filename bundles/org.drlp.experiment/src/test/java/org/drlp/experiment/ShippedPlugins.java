package org.drlp.experiment;

import org.drlp.spi.PluginRole;
import org.drlp.data.CsvDataSource;
import org.drlp.data.SyntheticDataSource;
import org.drlp.kernel.VertexWalkSolver;
import org.drlp.loss.AbsoluteLoss;
import org.drlp.loss.EpsilonInsensitiveLoss;
import org.drlp.loss.QuantileLoss;
import org.drlp.model.linear.LinearModelProvider;
import org.drlp.method.compose.BasinHoppingMethod;
import org.drlp.method.compose.SequenceMethod;
import org.drlp.model.lp.LpModelProvider;
import org.drlp.model.relu.AdamMethod;
import org.drlp.model.relu.BlockCoordinateMethod;
import org.drlp.model.relu.ReluArgminModel;
import org.drlp.model.relu.ReluLayerModel;
import org.drlp.model.relu.ReluLayerwiseModel;
import org.drlp.pivot.BlandRule;
import org.drlp.pivot.DantzigRule;
import org.drlp.pivot.GreatestImprovementRule;
import org.drlp.pivot.RandomRule;
import org.drlp.pivot.SteepestEdgeRule;

/** The experiment service with every shipped plugin, registered outside OSGi. */
final class ShippedPlugins {

    private ShippedPlugins() {
    }

    static ExperimentRunner runner() {
        TestPlugins references = new TestPlugins();
        PluginRegistry registry = new PluginRegistry();
        VertexWalkSolver walk = new VertexWalkSolver();
        registry.add(PluginRole.METHOD, walk, references.reference("org.drlp.kernel"));
        TestPlugins.addWalkStrategies(registry, references.reference("org.drlp.kernel"));
        registry.add(PluginRole.METHOD, new AdamMethod(), references.reference("org.drlp.model.relu"));
        registry.add(PluginRole.METHOD, new BlockCoordinateMethod(walk), references.reference("org.drlp.model.relu"));
        registry.add(PluginRole.METHOD, new SequenceMethod(), references.reference("org.drlp.method.compose"));
        registry.add(PluginRole.METHOD, new BasinHoppingMethod(), references.reference("org.drlp.method.compose"));
        registry.add(PluginRole.MODEL, new LinearModelProvider(), references.reference("org.drlp.model.linear"));
        registry.add(PluginRole.MODEL, new LpModelProvider(), references.reference("org.drlp.model.lp"));
        registry.add(PluginRole.MODEL, new ReluLayerModel(), references.reference("org.drlp.model.relu"));
        registry.add(PluginRole.MODEL, new ReluLayerwiseModel(), references.reference("org.drlp.model.relu"));
        registry.add(PluginRole.MODEL, new ReluArgminModel(), references.reference("org.drlp.model.relu"));
        registry.add(PluginRole.LOSS, new AbsoluteLoss(), references.reference("org.drlp.loss"));
        registry.add(PluginRole.LOSS, new QuantileLoss(), references.reference("org.drlp.loss"));
        registry.add(PluginRole.LOSS, new EpsilonInsensitiveLoss(), references.reference("org.drlp.loss"));
        registry.add(PluginRole.PIVOT, new DantzigRule(), references.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new SteepestEdgeRule(), references.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new GreatestImprovementRule(), references.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new BlandRule(), references.reference("org.drlp.pivot"));
        registry.add(PluginRole.PIVOT, new RandomRule(), references.reference("org.drlp.pivot"));
        registry.add(PluginRole.DATA, new CsvDataSource(), references.reference("org.drlp.data"));
        registry.add(PluginRole.DATA, new SyntheticDataSource(), references.reference("org.drlp.data"));
        return new ExperimentRunner(registry);
    }
}
