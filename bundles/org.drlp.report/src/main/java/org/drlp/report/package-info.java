/**
 * Line charts of solver progress written as SVG and PNG files. Every line of a chart gets its own
 * colour (a colour-blind-safe palette of 12, no yellow), dash pattern and marker, so that lines
 * that coincide stay visible; a line may carry a band (the spread of repeats); axes may be
 * logarithmic or ticked on whole numbers; the legend is outside the plotting area. The types here
 * are plain data, so that no charting library type leaks to users of the package.
 */
@Export
@Version("1.1.0")
package org.drlp.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
