package org.drlp.testkit;

import java.util.Map;
import java.util.SplittableRandom;

import org.drlp.spi.LineSearch;
import org.drlp.spi.LineSearchProvider;
import org.drlp.spi.LineView;
import org.drlp.spi.PluginRole;
import org.drlp.spi.ReluProgram;

/**
 * A line search's contract, on improving lines of random convex separable programs, some through
 * points where several neurons sit at their kink (zero-length steps) and with tied breakpoints:
 * {@code prepare} accepts the program; {@code search} stops at a breakpoint (a non-critical neuron
 * whose oriented rate is below minus its floor), sets {@code step()} to that neuron's distance over
 * its rate and {@code decrease()} to f(x) - f(x + step v) (f from its definition), which is at least
 * the decrease to the first breakpoint, and equals what {@code improvement} said beforehand;
 * it crosses only neurons it passes, and every one it passes when it {@code passesThrough()};
 * it returns -1 only on a line that stays improving past every breakpoint, with its crossings undone.
 */
public final class LineSearchContract {

    /** Lines per check. */
    public static final int LINES = 400;
    private static final double TOLERANCE = 1e-8;

    private LineSearchContract() {
    }

    public static void check(LineSearchProvider provider) {
        check(provider, Map.of());
    }

    public static void check(LineSearchProvider provider, Map<String, ?> parameters) {
        Contracts.checkDeclarations(PluginRole.LINE_SEARCH, provider);
        String owner = PluginRole.LINE_SEARCH.owner(provider.name());
        SplittableRandom random = new SplittableRandom(67);
        for (int trial = 0; trial < LINES; trial++) {
            int n = 1 + random.nextInt(4), m = n + random.nextInt(12);
            HingeProgram program = HingeProgram.random(random, n, m);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = HingeProgram.gaussian(random);
            // some neurons through x: at their kink, so a step can have length zero
            if (trial % 3 == 0) {
                for (int j = 0; j < m; j++) if (random.nextInt(3) == 0) program.b[j] = HingeProgram.dot(program.a[j], x);
            }
            // tied breakpoints: a neuron copied
            if (trial % 4 == 1 && m > 1) {
                program.a[1] = program.a[0].clone();
                program.b[1] = program.b[0];
            }
            program.reset(x);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = HingeProgram.gaussian(random);
            ProgramLine line = new ProgramLine(program, v);
            if (line.slope() > -1e-6) continue;
            LineSearch search = provider.create(Contracts.parameters(PluginRole.LINE_SEARCH, provider, parameters));
            String where = " on random line " + trial + " (" + n + " inputs, " + m + " neurons, slope " + line.slope() + ")";
            String refusal = search.prepare(program);
            if (refusal != null) Contracts.fail(owner + ": prepare refused a convex separable program: " + refusal);
            checkLine(owner, search, line, program, x, v, where);
        }
    }

    private static void checkLine(String owner, LineSearch search, ProgramLine line, HingeProgram program,
                                  double[] x, double[] v, String where) {
        int m = line.neurons();
        double expected;
        try {
            expected = search.improvement(line);
        } catch (RuntimeException e) {
            throw Contracts.failure(owner + ": improvement threw " + e + where, e);
        }
        if (line.crossings() != 0) Contracts.fail(owner + ": improvement crossed neurons" + where + " (it must only look)");
        int stop;
        try {
            stop = search.search(line);
        } catch (RuntimeException e) {
            throw Contracts.failure(owner + ": search threw " + e + where, e);
        }
        double firstBreak = Double.POSITIVE_INFINITY, weights = line.slope();
        for (int j = 0; j < m; j++) {
            if (!line.breakpoint(j)) continue;
            firstBreak = Math.min(firstBreak, line.at(j));
            weights += -line.rate(j) * line.kink(j);
        }
        if (stop < 0) {
            if (weights >= -TOLERANCE) {
                Contracts.fail(owner + ": search returned -1 (unbounded)" + where + ", but the slope past every breakpoint is "
                        + weights + " >= 0");
            }
            if (line.crossings() != 0) Contracts.fail(owner + ": search returned -1 without undoing its crossings" + where);
            if (expected != Double.POSITIVE_INFINITY) {
                Contracts.fail(owner + ": improvement said " + expected + " but search found the line unbounded" + where);
            }
            return;
        }
        if (stop >= m || !line.breakpoint(stop)) {
            Contracts.fail(owner + ": search stopped at neuron " + stop + ", which is not a breakpoint of the line" + where);
        }
        double step = search.step(), t = line.at(stop);
        if (!Contracts.close(step, t, TOLERANCE)) {
            Contracts.fail(owner + ": step() is " + step + " but neuron " + stop + " reaches its kink at t = " + t + where);
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] + t * v[i];
        double f0 = program.valueAt(x), fall = f0 - program.valueAt(y), scale = TOLERANCE * (1 + Math.abs(f0));
        if (search.decrease() < 0 || Math.abs(search.decrease() - fall) > 1e3 * scale) {
            Contracts.fail(owner + ": decrease() is " + search.decrease() + " but f falls by " + fall + " from t = 0 to "
                    + t + where);
        }
        if (Math.abs(expected - search.decrease()) > 1e3 * scale) {
            Contracts.fail(owner + ": improvement said " + expected + " but search decreased f by " + search.decrease()
                    + where);
        }
        for (int i = 0; i < x.length; i++) y[i] = x[i] + firstBreak * v[i];
        double firstFall = f0 - program.valueAt(y);
        if (fall < firstFall - 1e3 * scale) {
            Contracts.fail(owner + ": f falls by " + fall + " to where search stopped, less than the " + firstFall
                    + " to the first breakpoint" + where);
        }
        if (line.crossed(stop)) Contracts.fail(owner + ": search crossed neuron " + stop + ", where it stops" + where);
        for (int j = 0; j < m; j++) {
            if (line.crossed(j) && !(line.breakpoint(j) && line.at(j) <= t * (1 + TOLERANCE) + TOLERANCE)) {
                Contracts.fail(owner + ": search crossed neuron " + j + ", which it does not pass before t = " + t + where);
            }
            if (search.passesThrough() && line.breakpoint(j) && line.at(j) < t - 1e-6 * (1 + t) && !line.crossed(j)) {
                Contracts.fail(owner + ": passesThrough() is true but search did not cross neuron " + j + " (at t = "
                        + line.at(j) + ") on the way to t = " + t + where);
            }
        }
    }

    /** The line x + t v of a program at its current point, as the kernel shows it; no neuron is critical. */
    private static final class ProgramLine implements LineView {
        private final HingeProgram program;
        private final double[] v;
        private final double[] dz;
        private final boolean[] crossed;
        private final double slope;

        ProgramLine(HingeProgram program, double[] v) {
            this.program = program;
            this.v = v;
            this.dz = new double[program.neuronCount()];
            this.crossed = new boolean[dz.length];
            this.slope = program.directional(v, dz);
        }

        boolean breakpoint(int j) {
            return !critical(j) && rate(j) < -rateFloor(j);
        }

        double at(int j) {
            return distance(j) / -rate(j);
        }

        boolean crossed(int j) {
            return crossed[j];
        }

        int crossings() {
            int count = 0;
            for (boolean c : crossed) if (c) count++;
            return count;
        }

        @Override
        public int neurons() {
            return dz.length;
        }

        @Override
        public boolean critical(int j) {
            return false;
        }

        @Override
        public double rate(int j) {
            return program.side[j] ? dz[j] : -dz[j];
        }

        @Override
        public double distance(int j) {
            return Math.max(0, program.side[j] ? program.z[j] : -program.z[j]);
        }

        @Override
        public double tolerance(int j) {
            return 1e-12 * (1 + program.scale(j));
        }

        @Override
        public double rateFloor(int j) {
            return 1e-12;
        }

        @Override
        public double kink(int j) {
            return program.high[j] - program.low[j];
        }

        @Override
        public double slope() {
            return slope;
        }

        @Override
        public double slopeTolerance() {
            return 1e-12;
        }

        @Override
        public boolean separable() {
            return true;
        }

        @Override
        public ReluProgram program() {
            return program;
        }

        @Override
        public double[] direction() {
            return v;
        }

        @Override
        public double[] rates() {
            return dz;
        }

        @Override
        public void cross(int j) {
            crossed[j] = !crossed[j];
        }
    }
}
