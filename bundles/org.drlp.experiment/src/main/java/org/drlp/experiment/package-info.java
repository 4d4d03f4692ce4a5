/**
 * The experiment service: a spec read with the line and column of every value, overrides and
 * sweep expansion, plugin lookup and checks (all errors collected), the run plan, its execution
 * under a watchdog, and the results written so that an interrupted sweep loses nothing (results.json,
 * summary.csv, coefficients.csv, traces, plots, resume and merge). Private to the bundle: callers
 * reach it as {@link org.drlp.api.ExperimentService}.
 */
package org.drlp.experiment;
