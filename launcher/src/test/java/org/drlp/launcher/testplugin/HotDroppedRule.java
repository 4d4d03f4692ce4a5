package org.drlp.launcher.testplugin;

import java.util.List;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;

/**
 * A pivot rule that reaches the workbench only as a bundle dropped into the plugins folder (see
 * PluginJars): the most negative slope, like dantzig, under a name of its own. A method reference,
 * not a lambda class or an inner class, so that this one class file is the whole implementation.
 */
public final class HotDroppedRule implements PivotRuleProvider {

    public static final String NAME = "hot-dropped";

    private static final PivotRule RULE = HotDroppedRule::choose;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "most negative slope, from a hot-dropped bundle";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public PivotRule create(Parameters parameters) {
        return RULE;
    }

    private static int choose(EdgeView edges) {
        int best = -1;
        for (int e = 0; e < edges.size(); e++) {
            if (edges.improving(e) && (best < 0 || edges.slope(e) < edges.slope(best))) {
                best = e;
            }
        }
        return best;
    }
}
