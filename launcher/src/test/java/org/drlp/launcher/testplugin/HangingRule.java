package org.drlp.launcher.testplugin;

import java.util.List;
import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.EdgeView;
import org.drlp.spi.PivotRule;
import org.drlp.spi.PivotRuleProvider;

/**
 * A pivot rule that hangs on its first choice until interrupted, so that the experiment's watchdog
 * abandons the run; dropped into the plugins folder like {@link HotDroppedRule}.
 */
public final class HangingRule implements PivotRuleProvider {

    public static final String NAME = "hanging";

    private static final PivotRule RULE = HangingRule::choose;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "hangs until interrupted";
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
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }
}
