package org.drlp.kernel.linesearch;

import java.util.List;

import org.drlp.api.ParameterSpec;
import org.drlp.api.Parameters;
import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.osgi.service.component.annotations.Component;

/** Line search {@code harris}: stop at the first breakpoint (Harris' two-pass ratio test). Any program. */
@Component(service = LineSearchProvider.class, property = "name=" + Harris.NAME)
public final class Harris implements LineSearchProvider {

    public static final String NAME = "harris";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "stop at the first breakpoint along the edge (Harris' two-pass ratio test, ties to the largest rate)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public LineSearch create(Parameters parameters) {
        return new Search();
    }

    /** The search itself, also what {@link Auto} uses on non-convex separable programs. */
    static final class Search implements LineSearch {
        private final HarrisRatioTest test = new HarrisRatioTest();
        private double step;
        private double decrease;

        @Override
        public int search(LineView line) {
            int entering = test.blocking(line);
            if (entering < 0) return -1;
            step = line.distance(entering) / -line.rate(entering);
            decrease = -line.slope() * step;
            return entering;
        }

        @Override
        public double step() {
            return step;
        }

        @Override
        public double decrease() {
            return decrease;
        }

        @Override
        public double improvement(LineView line) {
            int r = test.blocking(line);
            return r < 0 ? Double.POSITIVE_INFINITY : -line.slope() * line.distance(r) / -line.rate(r);
        }
    }
}
