package org.drlp.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.drlp.api.StepListener;

/**
 * Writes one CSV row per solver step into trace.csv, each marked with the stage of the solve it
 * belongs to ({@link StepListener#onStage}; {@code final} for methods without stages). The solver cannot take a checked exception
 * from a listener, so a write failure is kept, further steps are dropped, and {@link #close}
 * reports it with the file.
 */
final class TraceWriter implements StepListener, AutoCloseable {

    static final String HEADER = "stage,iteration,objective,step,entering,leaving,regionChanges,seconds";
    /** The stage of the steps of a method that names none: the solve of the full program. */
    static final String DEFAULT_STAGE = "final";

    private final Path file;
    private final BufferedWriter out;
    private IOException failure;
    private String stage = DEFAULT_STAGE;

    TraceWriter(Path file) throws IOException {
        this.file = file;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
    }

    @Override
    public void onStage(String name) {
        // a stage name is the kernel's (letters, digits, '-', '/'), but a third party's might need quoting
        stage = name == null || name.isEmpty() ? DEFAULT_STAGE : csvCell(name);
    }

    private static String csvCell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public void onStep(long iteration, double objective, double step, int entering, int leaving,
                       int regionChanges, long elapsedNanos) {
        if (failure != null) return;
        try {
            out.write(stage);
            out.write(',');
            out.write(Long.toString(iteration));
            out.write(',');
            out.write(Double.toString(objective));
            out.write(',');
            out.write(Double.toString(step));
            out.write(',');
            out.write(Integer.toString(entering));
            out.write(',');
            out.write(Integer.toString(leaving));
            out.write(',');
            out.write(Integer.toString(regionChanges));
            out.write(',');
            out.write(Double.toString(elapsedNanos * 1e-9));
            out.write('\n');
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) failure = e;
        }
        if (failure != null) throw IoMessages.withFile(file, failure);
    }
}
