package org.drlp.kernel.refactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The adaptive policy's interval: doubled after a small drift, halved after a large one, within its bounds. */
class AdaptiveTest {

    @Test
    void theIntervalFollowsTheDrift() {
        Adaptive.Policy policy = new Adaptive.Policy(200, 1000);
        assertFalse(policy.due(199));
        assertTrue(policy.due(200));
        policy.checked(Adaptive.SMALL / 2);
        assertEquals(400, policy.interval());
        policy.checked(0);
        policy.checked(0);
        assertEquals(1000, policy.interval(), "never beyond maxPivots");
        policy.checked((Adaptive.SMALL + Adaptive.LARGE) / 2);
        assertEquals(1000, policy.interval(), "a middling drift keeps it");
        for (int i = 0; i < 20; i++) policy.checked(0.9);
        assertEquals(1, policy.interval(), "never below one pivot");
    }
}
