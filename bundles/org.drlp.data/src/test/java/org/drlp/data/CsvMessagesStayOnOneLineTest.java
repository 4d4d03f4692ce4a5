package org.drlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.drlp.api.Parameters;
import org.drlp.spi.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quoted field may hold line breaks; the message quoting it stays one line (found by CsvFuzzTest:
 * a column name with a line break made the "no column" message span two lines).
 */
class CsvMessagesStayOnOneLineTest {

    @TempDir
    Path folder;

    private String failure(String content) throws Exception {
        Files.writeString(folder.resolve("data.csv"), content);
        CsvDataSource csv = new CsvDataSource();
        return assertThrows(DataException.class, () -> csv.load(Parameters.resolve("data \"csv\"", csv.parameters(),
                Map.of("path", "data.csv", "target", "y"), folder))).getMessage();
    }

    @Test
    void columnNamesAndValuesWithLineBreaksAreEscaped() throws Exception {
        String file = folder.resolve("data.csv").toString();
        assertEquals(file + ":1: no column \"y\" for the target; the columns are a, b\\nc", failure("a,\"b\nc\"\n1,2\n"));
        assertEquals(file + ":2:2 (y): not a number: \"1\\r\\n2\\tx\"", failure("a,y\n1,\"1\r\n2\tx\"\n"));
        assertEquals(file + ":3:1 (a\\nb): not a number: \"z\"", failure("\"a\nb\",y\nz,1\n"));
    }
}
