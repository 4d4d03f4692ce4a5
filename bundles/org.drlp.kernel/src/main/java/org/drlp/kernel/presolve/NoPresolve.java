package org.drlp.kernel.presolve;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.PresolveProvider;
import org.drlp.spi.Presolver;
import org.drlp.spi.SeparableProgram;
import org.drlp.spi.SubproblemWalks;
import org.drlp.spi.WarmStart;
import org.osgi.service.component.annotations.Component;

/** Presolve {@code none}: the walk starts on the full program as the start says. */
@Component(service = PresolveProvider.class, property = "name=" + NoPresolve.NAME)
public final class NoPresolve implements PresolveProvider {

    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "no presolve: walk the full program from the start";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Presolver create(Parameters parameters) {
        return new Presolver() {
            @Override
            public boolean applies(SeparableProgram program) {
                return false;
            }

            @Override
            public WarmStart presolve(SeparableProgram program, WarmStart start, SubproblemWalks walks) {
                return null;
            }
        };
    }
}
