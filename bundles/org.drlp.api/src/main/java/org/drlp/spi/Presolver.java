package org.drlp.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds a good start for the walk on a separable program by solving smaller programs first
 * (Portnoy-Koenker's subsample and band, say). It only chooses where the final walk on the full
 * program starts: that walk prices every edge of the full program and certifies its end, so a
 * presolve cannot make a result wrong, only slower or faster. Created per solve by a
 * {@link PresolveProvider}.
 *
 * @since 2.0
 */
@ConsumerType // implemented by plugins
public interface Presolver {

    /** Whether to presolve this program (the walk on it starts as usual otherwise). */
    boolean applies(SeparableProgram program);

    /**
     * The start of the final walk, found by walking sub-programs with {@code walks}, or null when
     * no usable start was found (the final walk then starts from {@code start}).
     */
    WarmStart presolve(SeparableProgram program, WarmStart start, SubproblemWalks walks);
}
