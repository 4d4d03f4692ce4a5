package org.drlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.drlp.spi.PluginRole;
import org.drlp.api.PluginDescription;
import org.drlp.spi.PivotRuleProvider;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/** The catalogue follows plugins as they come and go. */
class PluginRegistryTest {

    private final TestPlugins plugins = new TestPlugins();

    @Test
    void catalogueListsEveryPluginByRoleThenNameWithItsBundle() {
        List<PluginDescription> catalogue = plugins.registry.plugins();
        assertEquals(List.of("data broken", "data stackloss", "model linear", "loss absolute", "loss quantile",
                "method vertex-walk", "pivot bland", "pivot dantzig", "pivot random", "lineSearch auto",
                "lineSearch crossing", "lineSearch harris", "lineSearch weighted-median", "antiCycling bland-after",
                "antiCycling none", "antiCycling random-after", "start phase-1", "start point", "presolve none",
                "presolve portnoy-koenker", "refactor adaptive", "refactor every"),
                catalogue.stream().map(p -> p.role() + " " + p.name()).toList());
        PluginDescription model = catalogue.get(2);
        assertEquals("org.drlp.model.linear", model.bundle());
        assertEquals("1.2.3", model.bundleVersion());
        assertEquals(List.of("intercept", "features", "weights", "interactions", "reference", "fitted", "inference", "level",
                "rankIid", "bootstrapReplicates", "bootstrapMethod", "bootstrapSeed"),
                model.parameters().stream().map(p -> p.name()).toList());
    }

    @Test
    void aHotDroppedPluginIsFoundAtOnceAndGoneWhenUnbound() {
        assertTrue(plugins.registry.find(PluginRole.PIVOT, "steepest-edge").isEmpty());
        PivotRuleProvider steepest = new TestPlugins.SimplePivot("steepest-edge", true);
        ServiceReference<PivotRuleProvider> reference = plugins.reference("third.party");
        plugins.registry.add(PluginRole.PIVOT, steepest, reference);
        assertSame(steepest, plugins.registry.find(PluginRole.PIVOT, "steepest-edge").orElseThrow());
        assertEquals("unknown pivot rule \"foo\"; available: bland, dantzig, random, steepest-edge",
                plugins.registry.unknownMessage(PluginRole.PIVOT, "foo"));
        plugins.registry.remove(PluginRole.PIVOT, reference);
        assertTrue(plugins.registry.find(PluginRole.PIVOT, "steepest-edge").isEmpty());
        assertEquals("unknown pivot rule \"foo\"; available: bland, dantzig, random",
                plugins.registry.unknownMessage(PluginRole.PIVOT, "foo"));
    }

    @Test
    void amongSameNamedPluginsTheOlderServiceWins() {
        PivotRuleProvider second = new TestPlugins.SimplePivot("dantzig", false);
        plugins.registry.add(PluginRole.PIVOT, second, plugins.reference("other"));
        PivotRuleProvider first = plugins.registry.find(PluginRole.PIVOT, "dantzig").orElseThrow();
        assertTrue(first != second);
    }
}
