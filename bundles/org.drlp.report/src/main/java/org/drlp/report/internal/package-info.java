/**
 * The drawing behind {@link org.drlp.report}: JFreeChart figures and the line styles (colour, dash,
 * marker) that keep coinciding lines apart. Private to the bundle, so that no charting library type
 * leaks to its users.
 */
package org.drlp.report.internal;
