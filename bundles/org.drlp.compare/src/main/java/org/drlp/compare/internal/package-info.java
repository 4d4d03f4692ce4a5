/**
 * The {@code ReportService} component and the file side of comparing: reading results folders
 * (runs, their problems and costs), writing the profile and table files and report.html. Private
 * to the bundle; the computation it feeds is the exported {@link org.drlp.compare} package.
 */
package org.drlp.compare.internal;
