package org.drlp.kernel.linesearch;

import org.drlp.spi.ReluProgram;

/**
 * A line search that reads only the groups the program computed ({@link ReluProgram#computedGroups})
 * and extends the line past the program's reach ({@link ReluProgram#extend}), so that the walk may
 * give it the rates of {@link ReluProgram#directionalWithin}.
 */
public interface ReadsComputedGroups {

    boolean readsComputedGroups();
}
