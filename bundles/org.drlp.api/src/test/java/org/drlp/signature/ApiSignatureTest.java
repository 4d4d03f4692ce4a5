package org.drlp.signature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.drlp.api.ExperimentService;
import org.drlp.spi.Plugin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build's API check: the public surface of org.drlp.api and org.drlp.spi must be the one
 * recorded for their @Version in src/test/resources/api-signatures, or the version must rise by the
 * rules of {@link ApiDiff}. {@code -Dapi.signatures.update=true} records a signature that passes.
 */
class ApiSignatureTest {

    static final Path FOLDER = Path.of(System.getProperty("basedir", "")).resolve("src/test/resources/api-signatures");

    @ParameterizedTest
    @ValueSource(classes = {ExperimentService.class, Plugin.class})
    void publicSurfaceMatchesTheRecordForItsVersion(Class<?> member) throws Exception {
        CompiledPackage pkg = CompiledPackage.of(member);
        SignatureCheck.Verdict verdict = SignatureCheck.check(pkg.name(), pkg.version(), pkg.signature(), FOLDER,
                Boolean.getBoolean("api.signatures.update"));
        assertTrue(verdict.passed(), verdict.message());
        System.out.println(verdict.message());
    }
}
