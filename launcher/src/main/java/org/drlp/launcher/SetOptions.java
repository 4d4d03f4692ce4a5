package org.drlp.launcher;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set PATH=VALUE}, repeatable: values of the spec replaced for this command (see the README). */
final class SetOptions {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Replace a value of the spec, validated like the spec: loss.tau=0.3, solver.pivot=bland, "
                    + "solver.lineSearch.type=crossing, repeats=5; VALUE is JSON, or else a string. Repeatable; "
                    + "a swept path that is set is no longer swept.")
    List<String> assignments = new ArrayList<>();
}
