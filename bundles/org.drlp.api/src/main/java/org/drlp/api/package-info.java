/**
 * Consumer API of the Deep ReLU Programming workbench: solver results and options, parameter
 * declarations, the plugin catalogue and the experiment service. It uses no other package of the
 * workbench: {@code org.drlp.spi} builds on it, never the reverse. {@code @ProviderType} interfaces
 * are implemented by the workbench only (callers may see methods added in a minor version);
 * {@code @ConsumerType} ones by callers (an abstract method added to one is a major version).
 */
@Export
@Version("2.3.0")
package org.drlp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
