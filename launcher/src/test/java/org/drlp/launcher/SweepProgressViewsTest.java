package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.drlp.api.SolveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress views and the log shown by --debug, driven directly. */
class SweepProgressViewsTest {

    private static final String REASON = "loading data: /d/bad.csv:5:4 (y): not a number: \"abc\"";

    @TempDir
    Path temp;

    @Test
    void theBarPrintsAnUncertifiedRunAndItsReasonAboveItselfAndNothingForACertifiedOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (SweepProgressBar bar = new SweepProgressBar(terminal, false)) {
            bar.experimentStarted("sweep", 2);
            bar.runStarted(0, "000 tau=0.5");
            bar.runFinished(0, "000 tau=0.5", SolveStatus.OPTIMAL, 1.5, 0.1, null);
            bar.runStarted(1, "001 tau=0.9");
            bar.runFinished(1, "001 tau=0.9", SolveStatus.FAILED, Double.NaN, 0.2, REASON);
        }
        String screen = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(screen.contains("\r\033[2K001 tau=0.9"), screen);
        assertTrue(screen.contains("FAILED") && screen.contains("\n      " + REASON + System.lineSeparator()), screen);
        assertFalse(screen.contains("\r\033[2K000 tau=0.5"), screen);
        assertTrue(screen.contains("(1 failed)"), screen);
    }

    @Test
    void linesPutTheReasonUnderTheRowOfARunAtALimitToo() {
        StringWriter text = new StringWriter();
        SweepProgressLines lines = new SweepProgressLines(new PrintWriter(text, true));
        lines.experimentStarted("sweep", 2);
        lines.runFinished(0, "000", SolveStatus.ITERATION_LIMIT, 3.0, 0.1, "stopped after 5 iterations");
        lines.runFinished(1, "001", SolveStatus.OPTIMAL, 2.0, 0.1, "ignored for a certified run");

        String[] console = text.toString().split("\\R");
        assertEquals(4, console.length, text::toString);
        assertTrue(console[1].startsWith("[1/2] 000 ") && console[1].contains("ITERATION_LIMIT"), text::toString);
        assertEquals("      stopped after 5 iterations", console[2]);
        assertTrue(console[3].startsWith("[2/2] 001 "), text::toString);
    }

    @Test
    void debugShowsOnlyWhatThisRunAddedToTheLogAndOtherwiseWhereItIs() throws IOException {
        Path log = Files.writeString(temp.resolve(ExperimentLog.NAME), "an earlier experiment's trace\n");
        ExperimentLog experimentLog = new ExperimentLog(temp);
        Files.writeString(log, "java.lang.IllegalStateException: boom\n\tat x.Y.z(Y.java:1)\n", StandardOpenOption.APPEND);

        StringWriter err = new StringWriter();
        StringWriter debug = new StringWriter();
        experimentLog.show(new PrintWriter(err, true), new PrintWriter(debug, true));
        assertTrue(debug.toString().contains("IllegalStateException: boom\n\tat x.Y.z"), debug::toString);
        assertFalse(debug.toString().contains("earlier"), debug::toString);

        experimentLog.show(new PrintWriter(err, true), null);
        assertEquals("drlp: stack traces in " + log + " (--debug prints them here)", err.toString().strip());
    }

    @Test
    void aLogThisRunDidNotTouchIsNotMentioned() throws IOException {
        Files.writeString(temp.resolve(ExperimentLog.NAME), "old\n");
        StringWriter err = new StringWriter();

        new ExperimentLog(temp).show(new PrintWriter(err, true), null);

        assertEquals("", err.toString());
    }
}
