/**
 * Comparing strategies over a set of problems, after Dolan and Moré (2002): which runs count as
 * solved, performance profiles, shifted geometric means and solved counts per configuration. Plain
 * computation on plain data (no files, no OSGi), so that it can be checked against tables worked
 * out by hand.
 */
@Export
@Version("1.0.0")
package org.drlp.compare;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
