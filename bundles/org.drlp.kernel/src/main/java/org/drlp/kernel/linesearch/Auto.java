package org.drlp.kernel.linesearch;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.SeparableProgram;
import org.osgi.service.component.annotations.Component;

/**
 * Line search {@code auto}, the default: the pass-through search that fits the program, chosen
 * once per walk: {@code weighted-median} on a convex separable program, {@code harris} on a
 * separable program with a non-convex kink (where walking through breakpoints could pass a
 * minimum of the line), {@code crossing} on any other program.
 */
@Component(service = LineSearchProvider.class, property = "name=" + Auto.NAME)
public final class Auto implements LineSearchProvider {

    public static final String NAME = "auto";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "weighted-median on convex separable programs, harris on other separable ones, crossing on networks";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public LineSearch create(Parameters parameters) {
        return new Search();
    }

    /** The search {@code auto} picks for a program. */
    static LineSearch choose(ReluProgram program) {
        if (WeightedMedian.convexSeparable(program)) return new WeightedMedian.Search();
        if (program instanceof SeparableProgram) return new Harris.Search();
        return new Crossing.Search();
    }

    private static final class Search implements LineSearch, ReadsComputedGroups {
        private LineSearch chosen;

        @Override
        public String prepare(ReluProgram program) {
            chosen = choose(program);
            return chosen.prepare(program);
        }

        @Override
        public int search(LineView line) {
            return chosen.search(line);
        }

        @Override
        public double step() {
            return chosen.step();
        }

        @Override
        public double decrease() {
            return chosen.decrease();
        }

        @Override
        public double improvement(LineView line) {
            return chosen.improvement(line);
        }

        @Override
        public boolean passesThrough() {
            return chosen.passesThrough();
        }

        @Override
        public boolean needsRefresh() {
            return chosen.needsRefresh();
        }

        @Override
        public boolean readsComputedGroups() {
            return chosen instanceof ReadsComputedGroups search && search.readsComputedGroups();
        }
    }
}
