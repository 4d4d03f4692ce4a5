package org.drlp.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Runs a check that must fail, and checks that its message says what is broken. */
final class Broken {

    private Broken() {
    }

    static String caught(Executable check, String... saying) {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, check,
                "the kit passed a broken plugin");
        String message = failure.getMessage();
        for (String part : saying) {
            assertTrue(message.contains(part), "the kit's message \"" + message + "\" should say \"" + part + "\"");
        }
        return message;
    }
}
