package org.drlp.experiment;

import java.nio.file.Path;

/**
 * A second process for {@link OutputFolderTest}: claims the output folder given as its first
 * argument (for the spec given as its second), prints "held" and keeps the folder until its
 * standard input ends or it is killed.
 */
public final class HoldOutputFolder {

    private HoldOutputFolder() {
    }

    public static void main(String[] args) throws Exception {
        try (OutputFolder folder = OutputFolder.claim(Path.of(args[0]), Path.of(args[1]), false)) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our input
            }
        }
    }
}
