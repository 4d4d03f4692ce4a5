/**
 * Line charts of solver progress written as SVG and PNG files. The types here are plain data, so
 * that no charting library type leaks to users of the package.
 */
@Export
@Version("1.0.0")
package org.drlp.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
