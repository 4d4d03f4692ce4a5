package org.drlp.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The workbench feature: the drlp commands, called through Gogo's own command processor. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT {

    @Inject
    CommandProcessor gogo;

    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(Distribution.withFeatures("core", "regression", "workbench"));
        // no console on the test's standard input
        options.add(systemProperty("gosh.args").value("--nointeractive"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void pluginsListsTheCatalogue() throws Exception {
        String plugins = execute("drlp:plugins");

        assertTrue(plugins, plugins.contains("pivot   dantzig"));
        assertTrue(plugins, plugins.contains("[org.drlp.pivot "));
    }

    @Test
    public void runThenResultsShowTheExactStackLossOptimum() throws Exception {
        Path out = Files.createTempDirectory("drlp-shell-it");
        Path spec = Path.of(System.getProperty("drlp.examples"), "stackloss", "median.json");

        String summary = execute("drlp:run " + spec + " " + out);
        String table = execute("drlp:results " + out);

        assertTrue(summary, summary.contains("stackloss-median: 1 runs, 0 failed"));
        String[] row = table.lines().filter(line -> line.startsWith("000 ")).findFirst().orElseThrow().trim().split("\\s+");
        assertEquals("OPTIMAL", row[1]);
        assertEquals(14518.0 / 345, Double.parseDouble(row[2]), 1e-12);
    }

    /** What the command printed and returned, as the shell would show it. */
    private String execute(String command) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (CommandSession session = gogo.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(command);
            out.println(session.format(result, 0));
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
