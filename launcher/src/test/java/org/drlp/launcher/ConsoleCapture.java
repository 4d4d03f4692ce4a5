package org.drlp.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/** For tests that run the command line in this JVM and read what it printed. */
abstract class ConsoleCapture {

    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    protected int drlp(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
