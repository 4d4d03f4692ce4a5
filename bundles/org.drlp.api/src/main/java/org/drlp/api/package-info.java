/**
 * Consumer API of the Deep ReLU Programming workbench: solver results and options, parameter
 * declarations, the plugin catalogue and the experiment service.
 */
@Export
@Version("1.4.0")
package org.drlp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
