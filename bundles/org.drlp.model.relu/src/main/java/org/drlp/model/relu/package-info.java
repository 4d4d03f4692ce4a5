/**
 * ReLU networks as programs for the walk: training one layer with a piecewise-linear loss
 * ({@code relu-layer}, N branches of a fixed network), every layer in turn ({@code relu-layerwise}
 * with method {@code block-coordinate}), minimising a network over its input ({@code relu-argmin}),
 * and Adam for comparison. Networks are read and written as JSON and as safetensors. Private to the
 * bundle: it is reached only as {@link org.drlp.spi.ModelProvider} and
 * {@link org.drlp.spi.SolverMethod} services.
 */
package org.drlp.model.relu;
