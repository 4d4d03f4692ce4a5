package org.drlp.testkit;

import java.util.SplittableRandom;

import org.drlp.spi.ReluProgram;

/**
 * A ReLU program's contract, checked at random points around a centre: {@code reset} sets the point
 * and the sides from the signs; {@code value}, {@code gradient}, {@code directional} and {@code normal}
 * agree with each other and with finite differences of the values at nearby points (inside the same
 * region f and every z_j are linear, so the differences are exact up to rounding); {@code advance}
 * lands where a fresh {@code reset} does; {@code flipEffect} reports the change of the slope and of
 * the downstream rates that {@code flip} followed by {@code refresh} produces; a program claiming
 * {@code exactFlips} needs no refresh; a program claiming {@code isConvex} is convex on random chords.
 * A program with groups ({@code groupSize() > 0}): along walked lines, {@code directionalWithin}
 * gives the computed groups the rates {@code directional} gives and the same slope ({@code groupSteps}
 * their first steps to a kink), its left-out
 * groups keep their sides up to {@code reach()} (a fresh {@code reset} there agrees), {@code extend}
 * adds only left-out groups and reaches the step asked for, and {@code value} afterwards is a fresh
 * evaluation's.
 */
public final class ProgramContract {

    /** Random points per check. */
    public static final int POINTS = 12;
    private static final double TOLERANCE = 1e-7;

    private ProgramContract() {
    }

    /**
     * @param owner  names the program in messages, for example {@code model "linear"}
     * @param center the point the random points are drawn around (the problem's start, say)
     * @param radius how far from the centre, per coordinate
     */
    public static void check(String owner, ReluProgram program, double[] center, double radius) {
        int n = program.dimension(), m = program.neuronCount();
        if (n <= 0) Contracts.fail(owner + ": dimension() is " + n + "; a program needs at least one input");
        if (m < 0) Contracts.fail(owner + ": neuronCount() is " + m);
        if (center.length != n) {
            Contracts.fail(owner + ": the start has length " + center.length + " but dimension() is " + n);
        }
        SplittableRandom random = new SplittableRandom(41);
        State s = new State(n, m);
        for (int trial = 0; trial < POINTS; trial++) {
            for (int i = 0; i < n; i++) s.x[i] = center[i] + radius * (2 * random.nextDouble() - 1);
            for (int i = 0; i < n; i++) s.v[i] = HingeProgram.gaussian(random);
            String at = " at random point " + trial + " (" + java.util.Arrays.toString(s.x) + ")";
            checkAt(owner + at, program, s, random);
        }
        if (program.isConvex()) checkConvex(owner, program, center, radius, random, s);
        if (program.groupSize() > 0) checkGroups(owner, program, center, radius, random, s);
    }

    /** Scratch arrays, allocated once per check. */
    private static final class State {
        final double[] x, v, y, g, g1, nu, z0, z1, dz0, dz1, reported;

        State(int n, int m) {
            x = new double[n];
            v = new double[n];
            y = new double[n];
            g = new double[n];
            g1 = new double[n];
            nu = new double[n];
            z0 = new double[m];
            z1 = new double[m];
            dz0 = new double[m];
            dz1 = new double[m];
            reported = new double[m];
        }
    }

    private static void checkAt(String where, ReluProgram p, State s, SplittableRandom random) {
        int n = s.x.length, m = s.z0.length;
        p.reset(s.x);
        for (int i = 0; i < n; i++) {
            if (p.point()[i] != s.x[i]) Contracts.fail(where + ": after reset, point()[" + i + "] is " + p.point()[i]);
        }
        System.arraycopy(p.preactivations(), 0, s.z0, 0, m);
        for (int j = 0; j < m; j++) {
            if (p.highSide()[j] != s.z0[j] > 0) {
                Contracts.fail(where + ": after reset, neuron " + j + " has z = " + s.z0[j] + " but highSide "
                        + p.highSide()[j] + " (reset sets the sides from the signs)");
            }
            double scale = p.scale(j);
            if (!(scale >= 0) || Double.isInfinite(scale)) Contracts.fail(where + ": scale(" + j + ") is " + scale);
        }
        double f = p.value();
        if (!Double.isFinite(f)) Contracts.fail(where + ": value() is " + f);
        p.gradient(s.g);
        double slope = p.directional(s.v, s.dz0);
        double gv = HingeProgram.dot(s.g, s.v);
        if (!Contracts.close(slope, gv, TOLERANCE * norm(s.g) * norm(s.v))) {
            Contracts.fail(where + ": directional(v) returns the slope " + slope + " but gradient() . v is " + gv);
        }
        for (int j = 0; j < m; j++) {
            p.normal(j, s.nu);
            double rate = HingeProgram.dot(s.nu, s.v);
            if (!Contracts.close(rate, s.dz0[j], TOLERANCE * norm(s.nu) * norm(s.v))) {
                Contracts.fail(where + ": normal(" + j + ") . v is " + rate + " but directional gives dz[" + j
                        + "] = " + s.dz0[j]);
            }
        }
        // a step that stays in the region: no neuron reaches its kink
        double h = 1e-2;
        for (int j = 0; j < m; j++) if (s.dz0[j] != 0) h = Math.min(h, 0.25 * Math.abs(s.z0[j] / s.dz0[j]));
        if (h < 1e-9) return;
        for (int i = 0; i < n; i++) s.y[i] = s.x[i] + h * s.v[i];
        p.reset(s.y);
        double fh = p.value();
        System.arraycopy(p.preactivations(), 0, s.z1, 0, m);
        double scaleF = 1 + Math.abs(f) + Math.abs(fh);
        if (Math.abs((fh - f) - h * slope) > TOLERANCE * scaleF) {
            Contracts.fail(where + ": the slope along v is " + (fh - f) / h + " by finite differences of value() (step "
                    + h + ") but directional(v) returns " + slope);
        }
        for (int j = 0; j < m; j++) {
            double scaleZ = 1 + Math.abs(s.z0[j]) + Math.abs(s.z1[j]);
            if (Math.abs((s.z1[j] - s.z0[j]) - h * s.dz0[j]) > TOLERANCE * scaleZ) {
                Contracts.fail(where + ": the rate of neuron " + j + " along v is " + (s.z1[j] - s.z0[j]) / h
                        + " by finite differences of preactivations() but directional(v) gives " + s.dz0[j]);
            }
        }
        p.reset(s.x);
        p.directional(s.v, s.dz1);
        p.advance(h, s.v, s.dz1);
        for (int i = 0; i < n; i++) {
            if (!Contracts.close(p.point()[i], s.y[i], TOLERANCE)) {
                Contracts.fail(where + ": advance(" + h + ", v) moved point()[" + i + "] to " + p.point()[i]
                        + ", not x + t v = " + s.y[i]);
            }
        }
        for (int j = 0; j < m; j++) {
            if (Math.abs(p.preactivations()[j] - s.z1[j]) > TOLERANCE * (1 + Math.abs(s.z1[j]))) {
                Contracts.fail(where + ": after advance, z[" + j + "] is " + p.preactivations()[j]
                        + " but a reset at the same point gives " + s.z1[j]);
            }
        }
        if (Math.abs(p.value() - fh) > TOLERANCE * scaleF) {
            Contracts.fail(where + ": after advance, value() is " + p.value() + " but a reset there gives " + fh);
        }
        for (int trial = 0; trial < Math.min(m, 6); trial++) checkFlip(where, p, s, random.nextInt(m));
    }

    private static void checkFlip(String where, ReluProgram p, State s, int k) {
        int m = s.z0.length;
        p.reset(s.x);
        double slope0 = p.directional(s.v, s.dz0);
        java.util.Arrays.fill(s.reported, 0);
        double predicted = p.flipEffect(k, s.v, (neuron, change) -> {
            if (neuron < 0 || neuron >= m) {
                Contracts.fail(where + ": flipEffect(" + k + ") reported neuron " + neuron + ", outside [0, " + m + ")");
            }
            s.reported[neuron] += change;
        });
        boolean before = p.highSide()[k];
        p.flip(k);
        if (p.highSide()[k] == before) Contracts.fail(where + ": flip(" + k + ") did not change highSide()[" + k + "]");
        if (p.exactFlips()) {
            System.arraycopy(p.preactivations(), 0, s.z1, 0, m);
        }
        p.refresh();
        if (p.exactFlips()) {
            for (int j = 0; j < m; j++) {
                double fresh = p.preactivations()[j];
                if (Math.abs(s.z1[j] - fresh) > TOLERANCE * (1 + Math.abs(fresh))) {
                    Contracts.fail(where + ": exactFlips() is true, but after flip(" + k + ") z[" + j + "] is "
                            + s.z1[j] + " while refresh() gives " + fresh);
                }
            }
        }
        double slope1 = p.directional(s.v, s.dz1);
        p.gradient(s.g1);
        if (!Contracts.close(slope1, HingeProgram.dot(s.g1, s.v), TOLERANCE * norm(s.g1) * norm(s.v))) {
            Contracts.fail(where + ": after flip(" + k + "), directional(v) returns " + slope1
                    + " but gradient() . v is " + HingeProgram.dot(s.g1, s.v) + " (flip must update the gradient)");
        }
        double actual = slope1 - slope0, scale = 1 + Math.abs(slope0) + Math.abs(slope1);
        if (Math.abs(predicted - actual) > TOLERANCE * scale) {
            Contracts.fail(where + ": flipEffect(" + k + ") says the slope along v changes by " + predicted
                    + ", but flip(" + k + ") changes it by " + actual + " (from " + slope0 + " to " + slope1 + ")");
        }
        for (int j = 0; j < m; j++) {
            if (j == k) continue;
            double change = s.dz1[j] - s.dz0[j];
            if (Math.abs(s.reported[j] - change) > TOLERANCE * (1 + Math.abs(s.dz0[j]) + Math.abs(s.dz1[j]))) {
                Contracts.fail(where + ": flipEffect(" + k + ") reports a change of " + s.reported[j]
                        + " in the rate of neuron " + j + ", but flip(" + k + ") changes it by " + change);
            }
        }
        p.flip(k);
        p.refresh();
    }

    /** Lines walked as the vertex walk would (each step short of the computed groups' first kink). */
    private static void checkGroups(String owner, ReluProgram p, double[] center, double radius,
                                    SplittableRandom random, State s) {
        int n = center.length, m = s.z0.length, size = p.groupSize();
        if (m % size != 0) Contracts.fail(owner + ": groupSize() " + size + " does not divide neuronCount() " + m);
        for (int i = 0; i < n; i++) s.x[i] = center[i] + radius * (2 * random.nextDouble() - 1);
        p.reset(s.x);
        boolean leftOut = false;
        for (int round = 0; round < 40; round++) {
            String where = owner + ", line " + round + " walked from a random point";
            for (int i = 0; i < n; i++) s.v[i] = HingeProgram.gaussian(random);
            double slope = p.directional(s.v, s.dz0);
            double within = p.directionalWithin(s.v, s.dz1);
            if (!Contracts.close(within, slope, TOLERANCE * (1 + Math.abs(slope)))) {
                Contracts.fail(where + ": directionalWithin returns the slope " + within + ", directional " + slope);
            }
            boolean[] computed = p.computedGroups();
            double reach = p.reach();
            if (!(reach > 0)) Contracts.fail(where + ": reach() is " + reach);
            double step = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (computed != null && !computed[j / size]) {
                    leftOut = true;
                    continue;
                }
                if (!Contracts.close(s.dz1[j], s.dz0[j], TOLERANCE)) {
                    Contracts.fail(where + ": directionalWithin gives the computed neuron " + j + " the rate " + s.dz1[j]
                            + ", directional " + s.dz0[j]);
                }
                double z = p.highSide()[j] ? p.preactivations()[j] : -p.preactivations()[j];
                double rate = p.highSide()[j] ? s.dz1[j] : -s.dz1[j];
                if (rate < 0) step = Math.min(step, Math.max(0, z) / -rate);
            }
            double[] steps = p.groupSteps();
            if (computed != null && steps != null) checkGroupSteps(where, p, s, computed, steps);
            if (computed != null && round % 4 == 3 && reach < Double.POSITIVE_INFINITY) {
                boolean[] before = computed.clone();
                double asked = 2 * reach;
                double extended = p.extend(asked, g -> {
                    if (g < 0 || g >= before.length || before[g]) {
                        Contracts.fail(where + ": extend added group " + g + ", which was computed or does not exist");
                    }
                });
                if (!(extended >= asked)) Contracts.fail(where + ": extend(" + asked + ") returns the reach " + extended);
                reach = extended;
            }
            if (round == 39) {
                if (leftOut) checkEnd(where, p, s, computed == null ? null : computed.clone(), Math.min(reach, 1e3));
                return; // nothing was ever left out: the program computes every group (allowed)
            }
            p.advance(0.5 * Math.min(Math.min(step, reach), 1e-1), s.v, s.dz1);
        }
    }

    /** groupSteps()[g] is the least step at which a neuron of computed group g reaches its kink. */
    private static void checkGroupSteps(String where, ReluProgram p, State s, boolean[] computed, double[] steps) {
        int size = p.groupSize();
        for (int g = 0; g < computed.length; g++) {
            if (!computed[g]) continue;
            double first = Double.POSITIVE_INFINITY;
            for (int j = g * size; j < (g + 1) * size; j++) {
                boolean up = p.highSide()[j];
                double rate = up ? s.dz1[j] : -s.dz1[j];
                if (rate < 0) first = Math.min(first, Math.max(0, up ? p.preactivations()[j] : -p.preactivations()[j]) / -rate);
            }
            if (!(first == steps[g] || Contracts.close(first, steps[g], TOLERANCE))) {
                Contracts.fail(where + ": groupSteps()[" + g + "] is " + steps[g] + " but the group's first neuron reaches its kink at "
                        + first);
            }
        }
    }

    /**
     * After the lines walked: value() is a fresh evaluation's, and the left-out groups' sides hold at
     * point + reach v (a fresh reset there sets them from the signs).
     */
    private static void checkEnd(String where, ReluProgram p, State s, boolean[] computed, double reach) {
        int n = s.x.length, m = s.z0.length, size = p.groupSize();
        boolean[] sides = p.highSide().clone();
        System.arraycopy(p.point(), 0, s.x, 0, n);
        double f = p.value();
        p.reset(s.x);
        if (Math.abs(p.value() - f) > TOLERANCE * (1 + Math.abs(f))) {
            Contracts.fail(where + ": after lines walked with left-out groups, value() is " + f + " but a reset there gives "
                    + p.value());
        }
        if (computed == null) return;
        for (int i = 0; i < n; i++) s.y[i] = s.x[i] + reach * s.v[i];
        p.reset(s.y);
        for (int j = 0; j < m; j++) {
            if (computed[j / size] || p.highSide()[j] == sides[j]) continue;
            if (Math.abs(p.preactivations()[j]) > TOLERANCE * (1 + p.scale(j))) {
                Contracts.fail(where + ": neuron " + j + " of a left-out group changed side before reach() = " + reach
                        + " (z there " + p.preactivations()[j] + ")");
            }
        }
    }

    private static void checkConvex(String owner, ReluProgram p, double[] center, double radius,
                                    SplittableRandom random, State s) {
        int n = center.length;
        for (int trial = 0; trial < 50; trial++) {
            for (int i = 0; i < n; i++) {
                s.x[i] = center[i] + radius * (2 * random.nextDouble() - 1);
                s.y[i] = center[i] + radius * (2 * random.nextDouble() - 1);
            }
            double w = random.nextDouble();
            p.reset(s.x);
            double fx = p.value();
            p.reset(s.y);
            double fy = p.value();
            for (int i = 0; i < n; i++) s.v[i] = w * s.x[i] + (1 - w) * s.y[i];
            p.reset(s.v);
            double mid = p.value(), chord = w * fx + (1 - w) * fy;
            if (mid > chord + TOLERANCE * (1 + Math.abs(fx) + Math.abs(fy))) {
                Contracts.fail(owner + ": isConvex() is true, but f = " + mid + " between two points lies above the chord ("
                        + chord + ")");
            }
        }
    }

    private static double norm(double[] u) {
        return Math.sqrt(HingeProgram.dot(u, u)) + 1;
    }
}
