package org.drlp.model.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The free MPS reader: every section, the RANGES sign rules, every bound kind, and located errors. */
class MpsReaderTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    static LinearProgram read(String text, boolean relax) throws IOException {
        return MpsReader.read(new BufferedReader(new StringReader(text)), "t.mps", relax);
    }

    static LinearProgram read(String text) throws IOException {
        return read(text, false);
    }

    /** A file with three rows (L, G, E), two columns and the given RHS, RANGES and BOUNDS lines. */
    private static String file(String rhs, String ranges, String bounds) {
        return "NAME  SMALL\n"
                + "ROWS\n N obj\n L lim\n G low\n E eq\n"
                + "COLUMNS\n x obj 1 lim 2\n x low 1\n y obj -1 eq 3\n y lim 1\n"
                + "RHS\n" + rhs
                + "RANGES\n" + ranges
                + "BOUNDS\n" + bounds
                + "ENDATA\n";
    }

    @Test
    void readsEverySection() throws IOException {
        LinearProgram lp = read("* a comment\nNAME  SMALL  extra words\nROWS\n N obj\n L lim\n G low\n E eq\n N free\n"
                + "COLUMNS\n x obj 1 lim 2\n x low 1 free 9\n y obj -1 eq 3\n y lim 1\n"
                + "RHS\n rhs lim 4 low 1\n rhs eq 6\n"
                + "RANGES\n rng lim 2\n"
                + "BOUNDS\n UP bnd x 5\nENDATA\n");
        assertEquals("SMALL  extra words", lp.name());
        assertEquals("obj", lp.objectiveRow());
        assertEquals(List.of("lim", "low", "eq"), lp.rowNames()); // the free N row is dropped
        assertEquals(List.of("x", "y"), lp.columnNames());
        assertArrayEquals(new char[] {'L', 'G', 'E'}, lp.rowTypes());
        assertArrayEquals(new double[] {1, -1}, lp.cost());
        assertArrayEquals(new double[] {2, 1, 6}, lp.rowLower());
        assertArrayEquals(new double[] {4, INF, 6}, lp.rowUpper());
        assertArrayEquals(new double[] {0, 0}, lp.columnLower());
        assertArrayEquals(new double[] {5, INF}, lp.columnUpper());
        double[] x = {1, 2};
        assertEquals(2 * 1 + 1 * 2, lp.activity(0, x));
        assertEquals(1, lp.activity(1, x));
        assertEquals(6, lp.activity(2, x));
        assertEquals(1 - 2, lp.objective(x));
    }

    @Test
    void anRhsOnTheObjectiveRowIsMinusTheConstant() throws IOException {
        LinearProgram lp = read(file(" rhs obj 10\n", "", ""));
        assertEquals(-10, lp.constant());
        assertEquals(1 - 10, lp.objective(new double[] {1, 0}));
    }

    @Test
    void rhsLinesMayLeaveOutTheSetName() throws IOException {
        LinearProgram lp = read(file(" lim 4 low 1\n eq 6\n", "", ""));
        assertArrayEquals(new double[] {4, INF, 6}, lp.rowUpper());
        assertArrayEquals(new double[] {-INF, 1, 6}, lp.rowLower());
    }

    /** The standard's table: L [rhs-|R|, rhs], G [rhs, rhs+|R|], E [rhs, rhs+R] for R > 0, [rhs+R, rhs] for R < 0. */
    @ParameterizedTest(name = "{0} row, R = {1}")
    @CsvSource({"lim, 2, 2, 4", "lim, -2, 2, 4", "low, 3, 1, 4", "low, -3, 1, 4", "eq, 2, 6, 8", "eq, -2, 4, 6",
            "eq, 0, 6, 6"})
    void rangesFollowTheSignRules(String row, double range, double lower, double upper) throws IOException {
        LinearProgram lp = read(file(" rhs lim 4 low 1\n rhs eq 6\n", " rng " + row + " " + range + "\n", ""));
        int i = lp.rowNames().indexOf(row);
        assertEquals(lower, lp.rowLower()[i]);
        assertEquals(upper, lp.rowUpper()[i]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'UP bnd x 5', 0, 5", "'UP bnd x -5', -Infinity, -5", "'LO bnd x -2', -2, Infinity",
            "'FX bnd x 3', 3, 3", "'FR bnd x', -Infinity, Infinity", "'MI bnd x', -Infinity, Infinity",
            "'PL bnd x', 0, Infinity", "'LO bnd x 1\\n UP bnd x 7', 1, 7",
            "'LO bnd x 0\\n UP bnd x -1', 0, -1", "'MI bnd x\\n UP bnd x 4', -Infinity, 4", "'UP x 5', 0, 5",
            "'FR x', -Infinity, Infinity", "'UP bnd x 1e30', 0, Infinity", "'LO bnd x -1e31', -Infinity, Infinity",
            "'UP bnd x Inf', 0, Infinity"})
    void everyBoundKind(String bounds, double lower, double upper) throws IOException {
        LinearProgram lp = read(file("", "", " " + bounds.replace("\\n", "\n") + "\n"));
        assertEquals(lower, lp.columnLower()[0], bounds);
        assertEquals(upper, lp.columnUpper()[0], bounds);
        assertEquals(0, lp.columnLower()[1]);
        assertEquals(INF, lp.columnUpper()[1]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'BV bnd x', 0, 1", "'BV x', 0, 1", "'LI bnd x 2', 2, Infinity", "'UI bnd x 9', 0, 9",
            "'UI bnd x -3', -Infinity, -3"})
    void integerBoundsAreRelaxedWhenAsked(String bounds, double lower, double upper) throws IOException {
        LinearProgram lp = read(file("", "", " " + bounds + "\n"), true);
        assertEquals(lower, lp.columnLower()[0]);
        assertEquals(upper, lp.columnUpper()[0]);
        assertEquals(List.of("x"), lp.integerColumns());
        MpsFormatException e = assertThrows(MpsFormatException.class, () -> read(file("", "", " " + bounds + "\n")));
        assertTrue(e.getMessage().startsWith("t.mps:15: bound "), e.getMessage());
        assertTrue(e.getMessage().contains("integers to \"relax\""), e.getMessage());
    }

    @Test
    void integerMarkersAreRejectedOrRelaxed() throws IOException {
        String text = "NAME\nROWS\n N obj\n L r\nCOLUMNS\n x obj 1 r 1\n M1 'MARKER' 'INTORG'\n y obj 1 r 1\n"
                + " M2 'MARKER' 'INTEND'\n z obj 1\nRHS\n r 1\nENDATA\n";
        LinearProgram lp = read(text, true);
        assertEquals(List.of("y"), lp.integerColumns());
        assertEquals(List.of("x", "y", "z"), lp.columnNames());
        MpsFormatException e = assertThrows(MpsFormatException.class, () -> read(text));
        assertEquals("t.mps:8: column \"y\" is integer (MARKER INTORG at line 7): the lp model solves linear "
                + "programs; set the model's parameter integers to \"relax\" to solve the LP relaxation", e.getMessage());
    }

    @Test
    void objsenseMaxOnItsLineOrTheNext() throws IOException {
        String body = "ROWS\n N obj\n L r\nCOLUMNS\n x obj 1 r 1\nRHS\n r 1\nENDATA\n";
        assertTrue(read("NAME\nOBJSENSE\n    MAX\n" + body).maximise());
        assertTrue(read("NAME\nOBJSENSE MAXIMIZE\n" + body).maximise());
        assertFalse(read("NAME\nOBJSENSE\n MIN\n" + body).maximise());
        assertFalse(read("NAME\n" + body).maximise());
    }

    @Test
    void readsTheShippedNetlibFiles() throws IOException {
        LinearProgram afiro = MpsReader.read(LpSolve.netlib("afiro"), false);
        assertEquals(27, afiro.rows());
        assertEquals(32, afiro.columns());
        LinearProgram recipe = MpsReader.read(LpSolve.netlib("recipe"), false);
        assertEquals(91, recipe.rows());
        assertEquals(180, recipe.columns());
    }

    /** Malformed files: file:line and what is wrong. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "NAME\\nROWS\\n N obj\\n X r\\n| t.mps:4: unknown row type \"X\" of row \"r\"; types are N, L, G, E",
            "NAME\\nROWS\\n N obj\\n L r\\n L r\\n| t.mps:5: duplicate row \"r\" (first at line 4)",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x obj 1 s 2\\n| t.mps:6: unknown row \"s\" in column \"x\" (not in ROWS)",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x obj 1 r 2x\\n| t.mps:6: bad number \"2x\" for the coefficient of column \"x\" in row \"r\"",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\n x r 2\\n| t.mps:7: duplicate entry for column \"x\" in row \"r\" (first at line 6)",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\n y r 2\\n x obj 1\\n| t.mps:8: column \"x\" again after other columns (its entries began at line 6); a column's entries must be consecutive",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nRHS\\n r 1\\nROWS\\n| t.mps:9: section ROWS after RHS: sections come in the order NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA, each once",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nRHS\\n s 1\\n| t.mps:8: unknown row \"s\" in RHS (not in ROWS)",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nRHS\\n r 1\\n r 2\\n| t.mps:9: duplicate RHS for row \"r\" (first at line 8)",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nRHS\\n a r 1\\n b r 2\\n| t.mps:9: a second RHS set \"b\" (the first is \"a\"): only one is supported",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nRANGES\\n obj 1\\n| t.mps:8: RANGES on the N row \"obj\": only L, G and E rows have ranges",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nBOUNDS\\n UP b z 1\\n| t.mps:8: unknown column \"z\" in BOUNDS (not in COLUMNS)",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nBOUNDS\\n XX b x 1\\n| t.mps:8: unknown bound type \"XX\"; types are UP, LO, FX, FR, MI, PL, BV, LI, UI",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nBOUNDS\\n SC b x 1\\n| t.mps:8: semi-continuous bound SC: not a linear program",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nBOUNDS\\n UP b x\\n| t.mps:8: bad number \"x\" for the UP bound of column \"b\"",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nBOUNDS\\n UP b x 1 2\\n| t.mps:8: a UP bound is: UP [set] column value; found 5 fields",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nBOUNDS\\n UP b x one\\n| t.mps:8: bad number \"one\" for the UP bound of column \"x\"",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\n| t.mps:6: no ENDATA at the end (the file may be cut off)",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\nENDATA\\n x r 1\\n| t.mps:8: text after ENDATA",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMS\\n| t.mps:5: unknown section \"COLUMS\"; sections are NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA (a data line must start with white space)",
            "~ x r 1\\n~| t.mps:1: data line before the first section (NAME or ROWS)",
            "NAME\\nROWS\\n N obj\\n L\\n| t.mps:4: a ROWS line has a type (N, L, G, E) and a name; found 1 fields",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r\\n| t.mps:6: a COLUMNS line is: column row value [row value]; found 2 fields",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\n M 'MARKER' 'INTORG'\\nENDATA\\n| t.mps:8: MARKER 'INTORG' at line 7 has no 'INTEND'",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1\\n M 'MARKER' 'SOS'\\n| t.mps:7: unknown MARKER 'SOS'; MARKER lines are 'INTORG' or 'INTEND'",
            "NAME\\nOBJSENSE\\n UP\\n| t.mps:3: OBJSENSE must be MIN or MAX, not \"UP\"",
            "NAME\\nROWS\\n N obj\\n L r\\nRHS\\n| t.mps:5: section RHS before COLUMNS",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\nENDATA\\n| t.mps:6: no columns",
            "NAME\\nROWS\\n N obj\\n L r\\nCOLUMNS\\n x r 1e999\\n| t.mps:6: number \"1e999\" for the coefficient of column \"x\" in row \"r\" is out of range"})
    void malformedFilesGiveLocatedErrors(String text, String message) {
        MpsFormatException e = assertThrows(MpsFormatException.class, () -> read(text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }
}
