package org.drlp.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioning rule for one package: its signature must equal the file recorded for its current
 * {@code @Version} ({@code <package>-<version>.txt} in the signature folder), and a version with no
 * file yet must be a large enough step from the latest recorded one for what changed since. With
 * {@code update}, a signature that passes the version rule is recorded (the file of the current
 * version written or rewritten); a change that needs a larger version is refused all the same.
 */
final class SignatureCheck {

    /** How to record the signatures; printed in every failure. */
    static final String UPDATE_COMMAND = "mvn -B -o -pl bundles/org.drlp.api test -Dapi.signatures.update=true";

    record Verdict(boolean passed, String message) { }

    private SignatureCheck() {
    }

    static Path file(Path folder, String packageName, PackageVersion version) {
        return folder.resolve(packageName + "-" + version + ".txt");
    }

    static Verdict check(String packageName, PackageVersion version, ApiSignature actual, Path folder, boolean update)
            throws IOException {
        TreeMap<PackageVersion, Path> recorded = recorded(folder, packageName);
        Optional<PackageVersion> newer = recorded.keySet().stream().filter(v -> v.compareTo(version) > 0).findFirst();
        if (newer.isPresent()) {
            return fail(packageName + " is at version " + version + ", below the recorded " + newer.get()
                    + ": a package version never goes down");
        }
        PackageVersion previous = recorded.lowerKey(version);
        Path own = recorded.get(version);
        if (own != null) {
            ApiSignature expected = ApiSignature.read(own);
            if (expected.equals(actual)) return new Verdict(true, packageName + " " + version + " matches " + own);
            if (!update || previous == null) {
                ApiDiff diff = ApiDiff.between(expected, actual);
                return fail(packageName + " changed, but its version " + version + " did not (compared with "
                        + own.getFileName() + "):\n" + diff + "This needs a " + diff.bump() + " version change: set "
                        + "@Version(\"" + version.next(diff.bump()) + "\") in " + packageName + "/package-info.java "
                        + "(keep " + own.getFileName() + ") and record the new signature with\n  " + UPDATE_COMMAND
                        + (update ? "" : "\n(with update, a version not yet released may be rewritten, as long as "
                        + "it is a large enough step from the version before it)"));
            }
        }
        if (previous == null) {
            if (!update) {
                return fail("no signature recorded for " + packageName + " in " + folder + "; record it with\n  "
                        + UPDATE_COMMAND);
            }
            return record(packageName, version, actual, folder);
        }
        ApiDiff diff = ApiDiff.between(ApiSignature.read(recorded.get(previous)), actual);
        if (!version.allows(previous, diff.bump())) {
            return fail(packageName + " changed since " + previous + " in a way that needs a " + diff.bump()
                    + " version change, but its @Version is " + version + "; set at least "
                    + previous.next(diff.bump()) + ":\n" + diff);
        }
        if (!update) {
            return fail(packageName + " " + version + " has no recorded signature yet; the changes since "
                    + previous + " are\n" + diff + "Record it with\n  " + UPDATE_COMMAND);
        }
        return record(packageName, version, actual, folder);
    }

    private static Verdict record(String packageName, PackageVersion version, ApiSignature actual, Path folder)
            throws IOException {
        Path target = file(folder, packageName, version);
        actual.write(target);
        return new Verdict(true, "recorded " + target);
    }

    private static Verdict fail(String message) {
        return new Verdict(false, message);
    }

    /** The committed signature files of the package, by version. */
    static TreeMap<PackageVersion, Path> recorded(Path folder, String packageName) throws IOException {
        TreeMap<PackageVersion, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) return files;
        Pattern name = Pattern.compile(Pattern.quote(packageName) + "-(\\d+\\.\\d+\\.\\d+)\\.txt");
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches()) files.put(PackageVersion.parse(m.group(1)), p);
            }
        }
        return files;
    }
}
