package org.drlp.api;

/**
 * What the workbench does with a parameter's value besides handing it to its plugin. Declared
 * rather than guessed from the parameter's name, so that a plugin may call its seed or its time
 * limit anything.
 */
public enum ParameterMeaning {
    /** Only the plugin reads it. */
    NONE,
    /** A seed of random choices: repeat r of a run offsets it by r. */
    SEED,
    /** A solver method's wall-clock limit in seconds (0: none): the run's watchdog honours it. */
    TIME_LIMIT
}
