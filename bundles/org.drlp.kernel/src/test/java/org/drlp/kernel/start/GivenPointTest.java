package org.drlp.kernel.start;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The point start's file: plain values or name,value lines in any order; faults give file, line and column. */
class GivenPointTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsPlainAndNamedPoints() throws IOException {
        assertArrayEquals(new double[] {1.5, -2, 3e-3}, GivenPoint.read(write("1.5\n-2\n\n3e-3\n"), 3, List.of()));
        assertArrayEquals(new double[] {2, -1}, GivenPoint.read(write("parameter,value\nx,-1\nintercept,2\n"), 2,
                List.of("intercept", "x")));
    }

    /** The ReLU models name weights with a comma inside: {@code L1.w[1,2]}; an extra column may follow. */
    @Test
    void readsNamesWithCommas() throws IOException {
        assertArrayEquals(new double[] {0.5, -0.25, 2}, GivenPoint.read(
                write("L1.w[1,2],-0.25\nL1.w[1,1],0.5,0.01\nL1.b[1],2\n"), 3, List.of("L1.w[1,1]", "L1.w[1,2]", "L1.b[1]")));
    }

    @Test
    void faultsSayWhere() throws IOException {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> GivenPoint.read(write("1\n2\nthree\n"), 3, List.of()));
        assertTrue(bad.getMessage().endsWith("x.csv:3:1: not a number: \"three\""), bad.getMessage());
        IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class,
                () -> GivenPoint.read(write("1\n2\n"), 3, List.of()));
        assertTrue(short_.getMessage().contains("has 2 coordinates, the program 3"), short_.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> GivenPoint.read(write("a,1\nb,x2\n"), 2, List.of("a", "b")));
        assertTrue(missing.getMessage().endsWith("x.csv:2:3: not a number: \"x2\""), missing.getMessage());
        IllegalArgumentException unnamed = assertThrows(IllegalArgumentException.class,
                () -> GivenPoint.read(write("a,1\nc,2\n"), 2, List.of("a", "b")));
        assertTrue(unnamed.getMessage().contains("no line for coordinate \"b\"; it has a, c"), unnamed.getMessage());
    }
}
