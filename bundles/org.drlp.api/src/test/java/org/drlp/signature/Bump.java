package org.drlp.signature;

/** The least version change an API change requires, by the rules of semantic versioning. */
enum Bump {
    /** Nothing a user of the package can see changed. */
    NONE,
    /** Something was added that breaks no existing user: a type, a default method, a method of a provider type. */
    MINOR,
    /** Something was removed or changed, or added that an existing implementation lacks. */
    MAJOR;

    Bump max(Bump other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
