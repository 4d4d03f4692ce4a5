/**
 * Gogo shell commands over the experiment service and the plugin catalogue. Private to the bundle:
 * Gogo reaches the commands through the {@code osgi.command} properties of their service.
 */
package org.drlp.shell;
