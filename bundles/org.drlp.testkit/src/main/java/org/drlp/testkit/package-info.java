/**
 * Contract checks for DRLP plugins, run from a plugin's own JUnit tests: one class per role, each with
 * static {@code check} methods that exercise an implementation on random and degenerate inputs and throw
 * an {@link org.opentest4j.AssertionFailedError} saying what is broken (the plugin, the input and the
 * number that is off). Example:
 *
 * <pre>{@code
 * @Test
 * void keepsThePivotRuleContract() {
 *     PivotRuleContract.check(new MyRule());
 * }
 * }</pre>
 *
 * The checks are seeded, so a failure repeats.
 */
@Version("1.0.0")
package org.drlp.testkit;

import org.osgi.annotation.versioning.Version;
