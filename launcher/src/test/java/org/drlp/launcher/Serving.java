package org.drlp.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The serve command started in-process on a free port, as the launcher would start it. */
final class Serving {

    private Serving() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static ServeCommand.Server start(Path workspace, Path plugins, int port, String... more) throws LaunchException {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--workspace", workspace.toString(),
                "--plugins", plugins.toString()));
        args.addAll(List.of(more));
        CommandLine command = new CommandLine(new ServeCommand());
        command.parseArgs(args.toArray(String[]::new));
        return ((ServeCommand) command.getCommand()).start();
    }
}
