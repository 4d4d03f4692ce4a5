/**
 * The workbench in a browser: one servlet on the OSGi servlet whiteboard serving a JSON API, server-sent
 * events and the pages of the workbench. Private to the bundle: nothing here is called from outside
 * but through HTTP.
 */
package org.drlp.web;
