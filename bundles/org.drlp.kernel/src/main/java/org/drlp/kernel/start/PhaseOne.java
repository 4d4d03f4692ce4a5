package org.drlp.kernel.start;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.StartProvider;
import org.drlp.spi.StartStrategy;
import org.drlp.spi.WarmStart;
import org.osgi.service.component.annotations.Component;

/**
 * Start {@code phase-1}, the default: the free-direction phase from the model's start point. Every
 * position of the critical set starts as a free coordinate direction and the walk pivots them out
 * (Barrodale-Roberts' stage 1) before it walks vertices.
 */
@Component(service = StartProvider.class, property = "name=" + PhaseOne.NAME)
public final class PhaseOne implements StartProvider {

    public static final String NAME = "phase-1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "free-direction phase from the model's start point";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public StartStrategy create(Parameters parameters) {
        return (ReluProgram program, double[] given, List<String> names) -> WarmStart.at(given);
    }
}
