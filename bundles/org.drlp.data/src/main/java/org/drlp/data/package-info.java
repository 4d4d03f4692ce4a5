/**
 * The data sources {@code csv} and {@code synthetic}. Private to the bundle: they are reached only
 * as {@link org.drlp.spi.DataSourceProvider} services.
 */
package org.drlp.data;
