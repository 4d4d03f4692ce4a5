package org.drlp.api;

/** The JSON shapes a plugin parameter may take. */
public enum ParameterType {
    REAL, INTEGER, BOOLEAN, STRING, PATH, REAL_LIST, INTEGER_LIST, STRING_LIST
}
