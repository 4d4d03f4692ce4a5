package org.drlp.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * drlp.log in the output folder: the full stack trace of every plugin failure and of every run the
 * watchdog abandoned, which results.json reduces to one line. Each entry is appended whole, with
 * one write, as soon as its run is recorded, so that what later runs do (or a crash) cannot lose
 * it. The file is created with the first entry: an experiment without failures leaves none.
 */
final class RunLog {

    static final String FILE_NAME = "drlp.log";

    private final Path file;

    RunLog(Path outputDirectory) {
        this.file = outputDirectory.resolve(FILE_NAME);
    }

    /** Appends a time-stamped entry. */
    synchronized void append(String entry) throws IOException {
        String text = Instant.now() + " " + entry + (entry.endsWith("\n") ? "" : "\n");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw IoMessages.withFile(file, e);
        }
    }
}
