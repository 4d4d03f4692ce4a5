package org.drlp.model.lp;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a linear program from a free-format MPS file: fields separated by white space, names
 * without spaces. Sections in this order: NAME, OBJSENSE (optional), ROWS, COLUMNS, RHS, RANGES,
 * BOUNDS (the last three optional), ENDATA. Conventions (those of the MPS standard as CPLEX and
 * GLPK read it):
 * <ul>
 * <li>the first N row is the objective; other N rows are free rows and are dropped;</li>
 * <li>an RHS on the objective row is minus the objective's constant: {@code c . x - rhs};</li>
 * <li>RANGES R: an L row gets {@code [rhs - |R|, rhs]}, a G row {@code [rhs, rhs + |R|]}, an E row
 *     {@code [rhs, rhs + R]} for R > 0 and {@code [rhs + R, rhs]} for R < 0;</li>
 * <li>BOUNDS UP, LO, FX, FR, MI, PL, BV, LI, UI; an UP (or UI) bound below 0 on a column whose lower
 *     bound is still the default 0 makes that lower bound minus infinity; a bound of magnitude
 *     1e30 or more is infinite;</li>
 * <li>integer columns (MARKER INTORG ... INTEND, BV, LI, UI) are rejected, or relaxed to their
 *     bounds when asked;</li>
 * <li>one RHS, RANGES and BOUNDS set each: a second set name is an error.</li>
 * </ul>
 * Every error is {@code file:line: what is wrong}.
 */
final class MpsReader {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?");
    private static final double INFINITE_BOUND = 1e30;
    private static final List<String> SECTIONS =
            List.of("NAME", "OBJSENSE", "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS", "ENDATA");

    private final String file;
    private final boolean relaxIntegers;
    private int line;

    private String name = "";
    private boolean maximise;
    private boolean senseExpected;
    private int section = -1;
    private String objectiveRow;
    private final Map<String, Integer> rowIndex = new HashMap<>();
    private final Map<String, Integer> rowLine = new HashMap<>();
    private final Map<String, Integer> freeRows = new HashMap<>();
    private final List<String> rowNames = new ArrayList<>();
    private final List<Character> rowTypes = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    private final Map<String, Integer> columnLine = new HashMap<>();
    private final List<String> columnNames = new ArrayList<>();
    private final List<List<double[]>> rowEntries = new ArrayList<>();
    /** (row, column) pairs given so far in COLUMNS, to reject a duplicate. */
    private final Map<Long, Integer> entryLine = new HashMap<>();
    private final List<Double> cost = new ArrayList<>();
    private final List<Boolean> integer = new ArrayList<>();
    private boolean inIntegerMarker;
    private int markerLine;
    private String currentColumn;
    private double[] rhs;
    private double[] range;
    private final Map<String, Integer> rhsLine = new HashMap<>();
    private final Map<String, Integer> rangeLine = new HashMap<>();
    private double constant;
    private String rhsSet;
    private String rangeSet;
    private String boundSet;
    private double[] lower;
    private double[] upper;
    private boolean[] lowerGiven;
    private boolean ended;

    private MpsReader(String file, boolean relaxIntegers) {
        this.file = file;
        this.relaxIntegers = relaxIntegers;
    }

    /** Reads {@code path}; integer columns are an error unless {@code relaxIntegers}. */
    static LinearProgram read(Path path, boolean relaxIntegers) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, path.toString(), relaxIntegers);
        }
    }

    static LinearProgram read(BufferedReader reader, String file, boolean relaxIntegers) throws IOException {
        MpsReader mps = new MpsReader(file, relaxIntegers);
        String text;
        while ((text = reader.readLine()) != null) {
            mps.line++;
            mps.accept(text);
        }
        return mps.finish();
    }

    private MpsFormatException error(String message) {
        return new MpsFormatException(file + ":" + line + ": " + message);
    }

    private void accept(String text) {
        if (text.isBlank() || text.charAt(0) == '*') return;
        if (ended) throw error("text after ENDATA");
        String[] fields = text.trim().split("\\s+");
        if (!Character.isWhitespace(text.charAt(0))) {
            header(fields, text);
            return;
        }
        if (section < 0) throw error("data line before the first section (NAME or ROWS)");
        switch (SECTIONS.get(section)) {
            case "OBJSENSE" -> sense(fields[0]);
            case "ROWS" -> row(fields);
            case "COLUMNS" -> column(fields);
            case "RHS" -> rhs(fields);
            case "RANGES" -> range(fields);
            case "BOUNDS" -> bound(fields);
            default -> throw error("data line in section " + SECTIONS.get(section) + ", which has none");
        }
    }

    private void header(String[] fields, String text) {
        String keyword = fields[0].toUpperCase(Locale.ROOT);
        int index = SECTIONS.indexOf(keyword);
        if (index < 0) {
            throw error("unknown section \"" + fields[0] + "\"; sections are " + String.join(", ", SECTIONS)
                    + " (a data line must start with white space)");
        }
        if (index <= section) {
            throw error("section " + keyword + " after " + SECTIONS.get(section) + ": sections come in the order "
                    + String.join(", ", SECTIONS) + ", each once");
        }
        if (senseExpected) throw error("OBJSENSE without MIN or MAX");
        if (index > SECTIONS.indexOf("COLUMNS") && section < SECTIONS.indexOf("COLUMNS")) {
            throw error("section " + keyword + " before COLUMNS");
        }
        if (index == SECTIONS.indexOf("COLUMNS")) startColumns();
        if (section == SECTIONS.indexOf("COLUMNS")) endColumns();
        section = index;
        switch (keyword) {
            case "NAME" -> name = text.trim().length() > 4 ? text.trim().substring(4).trim() : "";
            case "OBJSENSE" -> {
                if (fields.length > 1) sense(fields[1]);
                else senseExpected = true;
            }
            case "ENDATA" -> ended = true;
            default -> {
                if (fields.length > 1 && !keyword.equals("RHS") && !keyword.equals("RANGES")
                        && !keyword.equals("BOUNDS")) {
                    throw error("unexpected text after " + keyword + ": \"" + fields[1] + "\"");
                }
            }
        }
    }

    private void sense(String value) {
        switch (value.toUpperCase(Locale.ROOT)) {
            case "MAX", "MAXIMIZE", "MAXIMISE" -> maximise = true;
            case "MIN", "MINIMIZE", "MINIMISE" -> maximise = false;
            default -> throw error("OBJSENSE must be MIN or MAX, not \"" + value + "\"");
        }
        senseExpected = false;
    }

    private void row(String[] fields) {
        if (fields.length != 2) throw error("a ROWS line has a type (N, L, G, E) and a name; found " + fields.length + " fields");
        String type = fields[0].toUpperCase(Locale.ROOT), row = fields[1];
        Integer first = rowLine.get(row);
        if (first != null) throw error("duplicate row \"" + row + "\" (first at line " + first + ")");
        rowLine.put(row, line);
        switch (type) {
            case "N" -> {
                if (objectiveRow == null) objectiveRow = row;
                else freeRows.put(row, line);
            }
            case "L", "G", "E" -> {
                rowIndex.put(row, rowNames.size());
                rowNames.add(row);
                rowTypes.add(type.charAt(0));
                rowEntries.add(new ArrayList<>());
            }
            default -> throw error("unknown row type \"" + fields[0] + "\" of row \"" + row + "\"; types are N, L, G, E");
        }
    }

    private void startColumns() {
        if (section < SECTIONS.indexOf("ROWS")) throw error("section COLUMNS before ROWS");
    }

    private void column(String[] fields) {
        if (fields.length == 3 && fields[1].equals("'MARKER'")) {
            marker(fields[2]);
            return;
        }
        if (fields.length != 3 && fields.length != 5) {
            throw error("a COLUMNS line is: column row value [row value]; found " + fields.length + " fields");
        }
        String col = fields[0];
        if (!col.equals(currentColumn)) {
            Integer first = columnLine.get(col);
            if (first != null) {
                throw error("column \"" + col + "\" again after other columns (its entries began at line " + first
                        + "); a column's entries must be consecutive");
            }
            columnLine.put(col, line);
            columnIndex.put(col, columnNames.size());
            columnNames.add(col);
            cost.add(0.0);
            integer.add(inIntegerMarker);
            currentColumn = col;
            if (inIntegerMarker && !relaxIntegers) {
                throw error("column \"" + col + "\" is integer (MARKER INTORG at line " + markerLine
                        + "): the lp model solves linear programs; set the model's parameter integers to \"relax\" "
                        + "to solve the LP relaxation");
            }
        }
        int c = columnIndex.get(col);
        for (int f = 1; f < fields.length; f += 2) {
            String row = fields[f];
            double value = number(fields[f + 1], "coefficient of column \"" + col + "\" in row \"" + row + "\"");
            long key;
            if (row.equals(objectiveRow)) {
                key = -1L - c;
                cost.set(c, value);
            } else if (freeRows.containsKey(row)) {
                continue;
            } else {
                Integer r = rowIndex.get(row);
                if (r == null) throw error("unknown row \"" + row + "\" in column \"" + col + "\" (not in ROWS)");
                key = (long) r * Integer.MAX_VALUE + c;
                if (value != 0) rowEntries.get(r).add(new double[] {c, value});
            }
            Integer first = entryLine.put(key, line);
            if (first != null) {
                throw error("duplicate entry for column \"" + col + "\" in row \"" + row + "\" (first at line " + first + ")");
            }
        }
    }

    private void marker(String kind) {
        switch (kind) {
            case "'INTORG'" -> {
                inIntegerMarker = true;
                markerLine = line;
            }
            case "'INTEND'" -> inIntegerMarker = false;
            default -> throw error("unknown MARKER " + kind + "; MARKER lines are 'INTORG' or 'INTEND'");
        }
    }

    private void endColumns() {
        if (inIntegerMarker) throw error("MARKER 'INTORG' at line " + markerLine + " has no 'INTEND'");
        int n = columnNames.size();
        rhs = new double[rowNames.size()];
        range = new double[rowNames.size()];
        Arrays.fill(range, Double.NaN);
        lower = new double[n];
        upper = new double[n];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        lowerGiven = new boolean[n];
    }

    private void rhs(String[] fields) {
        rhsSet = setName(fields, rhsSet, "RHS");
        for (int f = fields.length % 2; f < fields.length; f += 2) {
            String row = fields[f];
            double value = number(fields[f + 1], "right-hand side of row \"" + row + "\"");
            if (freeRows.containsKey(row)) continue;
            Integer first = rhsLine.put(row, line);
            if (first != null) throw error("duplicate RHS for row \"" + row + "\" (first at line " + first + ")");
            if (row.equals(objectiveRow)) {
                constant = -value;
                continue;
            }
            rhs[knownRow(row, "RHS")] = value;
        }
    }

    private void range(String[] fields) {
        rangeSet = setName(fields, rangeSet, "RANGES");
        for (int f = fields.length % 2; f < fields.length; f += 2) {
            String row = fields[f];
            double value = number(fields[f + 1], "range of row \"" + row + "\"");
            if (row.equals(objectiveRow) || freeRows.containsKey(row)) {
                throw error("RANGES on the N row \"" + row + "\": only L, G and E rows have ranges");
            }
            int r = knownRow(row, "RANGES");
            Integer first = rangeLine.put(row, line);
            if (first != null) throw error("duplicate range for row \"" + row + "\" (first at line " + first + ")");
            range[r] = value;
        }
    }

    /** The set name of an RHS or RANGES line (odd field count: the first field), checked to be the only set. */
    private String setName(String[] fields, String known, String what) {
        if (fields.length < 2 || fields.length > 5) {
            throw error("an " + what + " line is: [set] row value [row value]; found " + fields.length + " fields");
        }
        if (fields.length % 2 == 0) return known;
        String set = fields[0];
        if (known != null && !known.equals(set)) {
            throw error("a second " + what + " set \"" + set + "\" (the first is \"" + known + "\"): only one is supported");
        }
        return set;
    }

    private int knownRow(String row, String what) {
        Integer r = rowIndex.get(row);
        if (r == null) throw error("unknown row \"" + row + "\" in " + what + " (not in ROWS)");
        return r;
    }

    private void bound(String[] fields) {
        String type = fields[0].toUpperCase(Locale.ROOT);
        boolean needsValue = switch (type) {
            case "UP", "LO", "FX", "LI", "UI" -> true;
            case "FR", "MI", "PL", "BV" -> false;
            case "SC" -> throw error("semi-continuous bound SC: not a linear program");
            default -> throw error("unknown bound type \"" + fields[0] + "\"; types are UP, LO, FX, FR, MI, PL, BV, LI, UI");
        };
        int count = fields.length - 1;
        String set = null, col;
        String value = null;
        if (needsValue) {
            if (count == 3) set = fields[1];
            else if (count != 2) throw error("a " + type + " bound is: " + type + " [set] column value; found " + fields.length + " fields");
            col = fields[count - 1];
            value = fields[count];
        } else if (count == 1) {
            col = fields[1];
        } else if (count == 2 && !(type.equals("BV") && columnIndex.containsKey(fields[1]))) {
            set = fields[1];
            col = fields[2];
        } else if (count == 2) {
            col = fields[1];
            value = fields[2];
        } else if (count == 3 && type.equals("BV")) {
            set = fields[1];
            col = fields[2];
            value = fields[3];
        } else {
            throw error("a " + type + " bound is: " + type + " [set] column; found " + fields.length + " fields");
        }
        if (set != null) {
            if (boundSet != null && !boundSet.equals(set)) {
                throw error("a second BOUNDS set \"" + set + "\" (the first is \"" + boundSet + "\"): only one is supported");
            }
            boundSet = set;
        }
        double v = value == null ? Double.NaN : bound(value, type + " bound of column \"" + col + "\"");
        Integer index = columnIndex.get(col);
        if (index == null) throw error("unknown column \"" + col + "\" in BOUNDS (not in COLUMNS)");
        int c = index;
        if (type.equals("BV") || type.equals("LI") || type.equals("UI")) integerBound(c, type);
        switch (type) {
            case "UP", "UI" -> {
                upper[c] = v;
                if (v < 0 && !lowerGiven[c] && lower[c] == 0) lower[c] = Double.NEGATIVE_INFINITY;
            }
            case "LO", "LI" -> setLower(c, v);
            case "FX" -> {
                setLower(c, v);
                upper[c] = v;
            }
            case "FR" -> {
                setLower(c, Double.NEGATIVE_INFINITY);
                upper[c] = Double.POSITIVE_INFINITY;
            }
            case "MI" -> setLower(c, Double.NEGATIVE_INFINITY);
            case "PL" -> upper[c] = Double.POSITIVE_INFINITY;
            case "BV" -> {
                setLower(c, 0);
                upper[c] = 1;
            }
            default -> throw new IllegalStateException(type);
        }
    }

    private void setLower(int c, double v) {
        lower[c] = v;
        lowerGiven[c] = true;
    }

    private void integerBound(int c, String type) {
        if (!relaxIntegers) {
            throw error("bound " + type + " makes column \"" + columnNames.get(c) + "\" integer: the lp model solves "
                    + "linear programs; set the model's parameter integers to \"relax\" to solve the LP relaxation");
        }
        integer.set(c, true);
    }

    private double number(String text, String what) {
        if (!NUMBER.matcher(text).matches()) throw error("bad number \"" + text + "\" for the " + what);
        double value = Double.parseDouble(text.replace('d', 'e').replace('D', 'e'));
        if (!Double.isFinite(value)) throw error("number \"" + text + "\" for the " + what + " is out of range");
        return value;
    }

    /** A bound: a number, infinite from 1e30 on (also written Inf, Infinity). */
    private double bound(String text, String what) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches("[+]?inf(inity)?")) return Double.POSITIVE_INFINITY;
        if (t.matches("-inf(inity)?")) return Double.NEGATIVE_INFINITY;
        double v = number(text, what);
        return Math.abs(v) >= INFINITE_BOUND ? Math.copySign(Double.POSITIVE_INFINITY, v) : v;
    }

    private LinearProgram finish() {
        if (!ended) throw error("no ENDATA at the end (the file may be cut off)");
        if (columnNames.isEmpty()) throw error("no columns");
        int m = rowNames.size(), n = columnNames.size();
        double[] rowLower = new double[m], rowUpper = new double[m];
        int[] rowStart = new int[m + 1];
        for (int i = 0; i < m; i++) rowStart[i + 1] = rowStart[i] + rowEntries.get(i).size();
        int[] entryColumn = new int[rowStart[m]];
        double[] entryValue = new double[rowStart[m]];
        char[] types = new char[m];
        for (int i = 0; i < m; i++) {
            types[i] = rowTypes.get(i);
            resolveRange(types[i], rhs[i], range[i], rowLower, rowUpper, i);
            List<double[]> entries = rowEntries.get(i);
            entries.sort((a, b) -> Double.compare(a[0], b[0]));
            for (int e = 0; e < entries.size(); e++) {
                entryColumn[rowStart[i] + e] = (int) entries.get(e)[0];
                entryValue[rowStart[i] + e] = entries.get(e)[1];
            }
        }
        double[] c = new double[n];
        List<String> integers = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            c[j] = cost.get(j);
            if (integer.get(j)) integers.add(columnNames.get(j));
        }
        return new LinearProgram(name, objectiveRow == null ? "" : objectiveRow, maximise, List.copyOf(rowNames),
                List.copyOf(columnNames), types, rowLower, rowUpper, rowStart, entryColumn, entryValue, c, constant,
                lower, upper, List.copyOf(integers));
    }

    /** The row's interval from its type, right-hand side and range (NaN: none), by the standard's sign rules. */
    private static void resolveRange(char type, double rhs, double range, double[] lower, double[] upper, int i) {
        boolean ranged = !Double.isNaN(range);
        switch (type) {
            case 'L' -> {
                upper[i] = rhs;
                lower[i] = ranged ? rhs - Math.abs(range) : Double.NEGATIVE_INFINITY;
            }
            case 'G' -> {
                lower[i] = rhs;
                upper[i] = ranged ? rhs + Math.abs(range) : Double.POSITIVE_INFINITY;
            }
            default -> {
                lower[i] = ranged && range < 0 ? rhs + range : rhs;
                upper[i] = ranged && range > 0 ? rhs + range : rhs;
            }
        }
    }
}
