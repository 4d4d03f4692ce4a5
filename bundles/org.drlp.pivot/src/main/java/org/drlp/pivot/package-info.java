/**
 * The standard pivot rules, one Declarative Services component each. Private to the bundle: the
 * rules are reached only as {@link org.drlp.spi.PivotRuleProvider} services.
 */
package org.drlp.pivot;
