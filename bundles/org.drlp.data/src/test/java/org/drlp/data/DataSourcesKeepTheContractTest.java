package org.drlp.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.drlp.testkit.DataSourceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped data sources against the plugin contract test kit: good input loads, bad input is located. */
class DataSourcesKeepTheContractTest {

    @TempDir
    Path dir;

    private Map<String, Object> file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
        return Map.of("path", name);
    }

    @Test
    void csvLoadsGoodInputAndLocatesBadInput() throws IOException {
        DataSourceContract.checkLoads(new CsvDataSource(), file("good.csv", "a,b,y\n1,2,3\n4,5,6\n"), dir);
        DataSourceContract.checkRejects(new CsvDataSource(), file("text.csv", "a,y\n1,2\n3,x\n"), dir, "text.csv", 3, 2);
        DataSourceContract.checkRejects(new CsvDataSource(), file("empty.csv", "a,y\n1,2\n,4\n"), dir, "empty.csv", 3, 1);
        DataSourceContract.checkRejects(new CsvDataSource(), file("short.csv", "a,b,y\n1,2,3\n\n4,5\n"), dir,
                "short.csv", 4, 0);
        DataSourceContract.checkRejects(new CsvDataSource(), file("nan.csv", "a,y\n1,NaN\n"), dir, "nan.csv", 2, 2);
    }

    @Test
    void syntheticLoadsWhatItAnnounces() throws IOException {
        DataSourceContract.checkLoads(new SyntheticDataSource(), Map.of("n", 30L, "p", 3L), dir);
        DataSourceContract.checkLoads(new SyntheticDataSource(), Map.of("n", 5L, "p", 1L, "noise", "gaussian"), dir);
    }
}
