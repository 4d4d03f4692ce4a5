/**
 * Provider SPI of the workbench: what plugins implement. Models turn data and a loss into a
 * {@link org.drlp.spi.ReluProgram}; pivot rules choose edges; data sources load data sets; solver
 * methods minimise programs. Each plugin role is a service registered under its provider
 * interface, found by {@link org.drlp.spi.Plugin#name()}. Plugins implement the
 * {@code @ConsumerType} interfaces; the {@code @ProviderType} ones ({@link org.drlp.spi.EdgeView},
 * {@link org.drlp.spi.CheckContext}, {@link org.drlp.spi.Solver}, ...) are implemented by the
 * workbench and only called by plugins.
 */
@Export
@Version("2.2.0")
package org.drlp.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
