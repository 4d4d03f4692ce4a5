package org.drlp.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version rule: what the check accepts, refuses and records, on a package p in a temporary folder. */
class SignatureCheckTest {

    private static final String TYPE = "p.Service type";
    private static final String SIZE = "p.Service method size()";
    private static final String NAME = "p.Service method name()";

    @TempDir
    Path folder;

    private static ApiSignature signature(String... keysAndValues) {
        TreeMap<String, String> elements = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) elements.put(keysAndValues[i], keysAndValues[i + 1]);
        return new ApiSignature(elements);
    }

    private static final ApiSignature ONE_METHOD = signature(TYPE, "public interface @ProviderType",
            SIZE, "public abstract int ()");
    private static final ApiSignature TWO_METHODS = signature(TYPE, "public interface @ProviderType",
            SIZE, "public abstract int ()", NAME, "public abstract java.lang.String ()");
    private static final ApiSignature NAME_ONLY = signature(TYPE, "public interface @ProviderType",
            NAME, "public abstract java.lang.String ()");

    private SignatureCheck.Verdict check(String version, ApiSignature actual, boolean update) throws IOException {
        return SignatureCheck.check("p", PackageVersion.parse(version), actual, folder, update);
    }

    private void record(String version, ApiSignature signature) throws IOException {
        signature.write(SignatureCheck.file(folder, "p", PackageVersion.parse(version)));
    }

    @Test
    void theRecordedSurfaceOfTheSameVersionPasses() throws IOException {
        record("1.4.0", ONE_METHOD);
        assertTrue(check("1.4.0", ONE_METHOD, false).passed());
    }

    @Test
    void aChangeWithoutAVersionChangeFailsWithTheDiffTheBumpAndTheCommand() throws IOException {
        record("1.4.0", ONE_METHOD);
        SignatureCheck.Verdict verdict = check("1.4.0", TWO_METHODS, false);
        assertFalse(verdict.passed());
        assertTrue(verdict.message().contains("MINOR  + " + NAME), verdict.message());
        assertTrue(verdict.message().contains("@Version(\"1.5.0\")"), verdict.message());
        assertTrue(verdict.message().contains(SignatureCheck.UPDATE_COMMAND), verdict.message());
    }

    @Test
    void aRemovalWithoutAVersionChangeAsksForTheNextMajor() throws IOException {
        record("1.4.0", TWO_METHODS);
        SignatureCheck.Verdict verdict = check("1.4.0", ONE_METHOD, false);
        assertFalse(verdict.passed());
        assertTrue(verdict.message().contains("@Version(\"2.0.0\")"), verdict.message());
    }

    @Test
    void updateDoesNotRewriteTheOnlyRecordOfAVersion() throws IOException {
        record("1.4.0", ONE_METHOD);
        assertFalse(check("1.4.0", TWO_METHODS, true).passed());
        assertEquals(ONE_METHOD, ApiSignature.read(folder.resolve("p-1.4.0.txt")));
    }

    @Test
    void aLargeEnoughBumpMustStillBeRecorded() throws IOException {
        record("1.4.0", ONE_METHOD);
        SignatureCheck.Verdict verdict = check("1.5.0", TWO_METHODS, false);
        assertFalse(verdict.passed());
        assertTrue(verdict.message().contains("no recorded signature"), verdict.message());
        assertTrue(verdict.message().contains(SignatureCheck.UPDATE_COMMAND), verdict.message());
    }

    @Test
    void updateRecordsALargeEnoughBumpAndKeepsThePreviousRecord() throws IOException {
        record("1.4.0", ONE_METHOD);
        assertTrue(check("1.5.0", TWO_METHODS, true).passed());
        assertEquals(TWO_METHODS, ApiSignature.read(folder.resolve("p-1.5.0.txt")));
        assertEquals(ONE_METHOD, ApiSignature.read(folder.resolve("p-1.4.0.txt")));
        assertTrue(check("1.5.0", TWO_METHODS, false).passed());
    }

    @Test
    void aMinorBumpIsNotEnoughForARemovalEvenWithUpdate() throws IOException {
        record("1.4.0", TWO_METHODS);
        SignatureCheck.Verdict verdict = check("1.5.0", NAME_ONLY, true);
        assertFalse(verdict.passed());
        assertTrue(verdict.message().contains("set at least 2.0.0"), verdict.message());
        assertFalse(Files.exists(folder.resolve("p-1.5.0.txt")));
        assertTrue(check("2.0.0", NAME_ONLY, true).passed());
    }

    @Test
    void updateMayRewriteAnUnreleasedVersionWhileTheStepFromTheLastOneIsLargeEnough() throws IOException {
        record("1.4.0", ONE_METHOD);
        record("1.5.0", ONE_METHOD); // recorded with no change yet
        assertTrue(check("1.5.0", TWO_METHODS, true).passed());
        assertEquals(TWO_METHODS, ApiSignature.read(folder.resolve("p-1.5.0.txt")));
        assertFalse(check("1.5.0", NAME_ONLY, true).passed(), "size() removed since 1.4.0 needs 2.0.0");
    }

    @Test
    void aVersionBelowARecordedOneFails() throws IOException {
        record("1.4.0", ONE_METHOD);
        SignatureCheck.Verdict verdict = check("1.3.0", ONE_METHOD, true);
        assertFalse(verdict.passed());
        assertTrue(verdict.message().contains("never goes down"), verdict.message());
    }

    @Test
    void aPackageWithoutRecordFailsUnlessRecorded() throws IOException {
        assertFalse(check("1.0.0", ONE_METHOD, false).passed());
        assertTrue(check("1.0.0", ONE_METHOD, true).passed());
        assertEquals(ONE_METHOD, ApiSignature.read(folder.resolve("p-1.0.0.txt")));
    }

    @Test
    void versionsCompareByNumberNotText() {
        assertTrue(PackageVersion.parse("1.10.0").compareTo(PackageVersion.parse("1.9.0")) > 0);
        assertTrue(PackageVersion.parse("2.0.0").allows(PackageVersion.parse("1.9.3"), Bump.MAJOR));
        assertFalse(PackageVersion.parse("1.10.0").allows(PackageVersion.parse("1.9.3"), Bump.MAJOR));
        assertTrue(PackageVersion.parse("1.9.4").allows(PackageVersion.parse("1.9.3"), Bump.NONE));
        assertFalse(PackageVersion.parse("1.9.4").allows(PackageVersion.parse("1.9.3"), Bump.MINOR));
    }
}
