package org.drlp.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drlp.spi.DataException;
import org.drlp.spi.Dataset;

/**
 * Reads one CSV file into a {@link Dataset}; one loader per load, as it keeps the parser's position.
 * Every complaint is a {@link DataException} whose message starts with {@code file:line:column}
 * (1-based, as an editor counts; the column is the field's position), so that it can be clicked.
 */
final class CsvLoader {

    /** What Java writes for non-finite doubles: numbers, but not usable ones (a clearer message). */
    private static final Set<String> NON_FINITE = Set.of("NaN", "+NaN", "-NaN", "Infinity", "+Infinity", "-Infinity");

    private final Path path;
    private final CSVFormat format;

    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** The line the current record starts on. */
    private long line;
    private List<String> header;

    CsvLoader(Path path, char delimiter) {
        this.path = path;
        // Blank lines come through as records (and are skipped here) so that the parser's line count
        // stays true; the lexer's own skipping would shift every later line number.
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).build();
    }

    /** What to do with a row missing a value it needs (an empty field, or NA as R writes it). */
    enum Missing { ERROR, DROP }

    /**
     * @param target             null: the last column
     * @param requestedFeatures  null: every column but the target and the categorical ones, in file order
     * @param categorical        columns read as text, for a model to code (dummies)
     * @param targetRequired     false: a file without the target column loads with NaN targets (new
     *                           data to predict), and a missing target is NaN
     */
    Dataset load(String target, List<String> requestedFeatures, List<String> categorical, Missing missing,
                 boolean targetRequired) throws IOException, DataException {
        try (CSVParser opened = open()) {
            readHeader();
            int targetColumn = target != null && !targetRequired && !header.contains(target) ? -1 : targetColumn(target);
            int[] textColumns = new int[categorical.size()];
            for (int t = 0; t < textColumns.length; t++) textColumns[t] = checkCategorical(categorical, t, targetColumn);
            List<String> features = requestedFeatures != null ? requestedFeatures : otherColumns(targetColumn, categorical);
            int[] featureColumns = featureColumns(features, targetColumn);
            for (int f = 0; f < featureColumns.length; f++) {
                if (categorical.contains(features.get(f))) {
                    throw error(featureColumns[f], "listed both as a feature and as categorical");
                }
            }
            return readRows(features, targetColumn < 0 ? target : header.get(targetColumn), featureColumns,
                    targetColumn, categorical, textColumns, missing, targetRequired);
        }
    }

    /**
     * Reads the header line alone, for a check before anything loads; afterwards {@link #column}
     * and {@link #checkFeature} answer about it.
     */
    List<String> readHeaderOnly() throws IOException, DataException {
        try (CSVParser opened = open()) {
            readHeader();
            return List.copyOf(header);
        }
    }

    /** The feature names a load would give: the requested ones, or every column but the target. */
    List<String> features(String target, List<String> requestedFeatures, List<String> categorical)
            throws DataException {
        return requestedFeatures != null ? requestedFeatures : otherColumns(targetColumn(target), categorical);
    }

    /** The 0-based column of the target, the last one when {@code target} is null. */
    int targetColumn(String target) throws DataException {
        return target == null ? header.size() - 1 : column(target, "the target");
    }

    private CSVParser open() throws IOException, DataException {
        if (Files.notExists(path)) throw new DataException(path + ": no such file");
        if (Files.isDirectory(path)) throw new DataException(path + ": a directory, not a CSV file");
        // this reader reports bytes that are not UTF-8, where the parser's own would replace them
        CSVParser opened = CSVParser.parse(Files.newBufferedReader(path, StandardCharsets.UTF_8), format);
        parser = opened;
        records = opened.iterator();
        return opened;
    }

    private void readHeader() throws IOException, DataException {
        CSVRecord record = next();
        if (record == null) throw new DataException(path + ": empty file, expected a header line");
        header = new ArrayList<>(record.toList());
        // spreadsheets often save UTF-8 with a byte-order mark, which would stick to the first name
        header.set(0, header.get(0).replace("\uFEFF", ""));
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) throw error(c, "empty column name");
            Integer earlier = seen.putIfAbsent(header.get(c), c);
            if (earlier != null) throw error(c, "duplicate column name, also column " + (earlier + 1));
        }
    }

    /** The 0-based column of a name in the header; {@code role} says what it is for, in the message. */
    int column(String name, String role) throws DataException {
        int column = header.indexOf(name);
        if (column < 0) {
            List<String> shown = header.stream().map(CsvLoader::printable).toList();
            throw new DataException(path + ":" + line + ": no column \"" + printable(name) + "\" for " + role
                    + "; the columns are " + String.join(", ", shown));
        }
        return column;
    }

    private List<String> otherColumns(int targetColumn, List<String> categorical) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != targetColumn && !categorical.contains(header.get(c))) names.add(header.get(c));
        }
        return names;
    }

    /** The column of categorical column t, which must be in the header, not the target and not listed before. */
    int checkCategorical(List<String> categorical, int t, int targetColumn) throws DataException {
        int column = column(categorical.get(t), "a categorical column");
        if (column == targetColumn) throw error(column, "the target cannot be categorical");
        if (categorical.subList(0, t).contains(categorical.get(t))) throw error(column, "listed twice as categorical");
        return column;
    }

    private int[] featureColumns(List<String> features, int targetColumn) throws DataException {
        int[] columns = new int[features.size()];
        for (int f = 0; f < columns.length; f++) columns[f] = checkFeature(features, f, targetColumn);
        return columns;
    }

    /** The column of feature f, which must be in the header, not the target and not listed before. */
    int checkFeature(List<String> features, int f, int targetColumn) throws DataException {
        int column = column(features.get(f), "a feature");
        if (column == targetColumn) throw error(column, "the target cannot also be a feature");
        if (features.subList(0, f).contains(features.get(f))) throw error(column, "listed twice as a feature");
        return column;
    }

    private Dataset readRows(List<String> features, String target, int[] featureColumns, int targetColumn,
                             List<String> categorical, int[] textColumns, Missing missing, boolean targetRequired)
            throws IOException, DataException {
        long headerLine = line;
        int width = featureColumns.length;
        List<double[]> rows = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        int dropped = 0;
        for (CSVRecord record = next(); record != null; record = next()) {
            if (record.size() != header.size()) {
                throw new DataException(path + ":" + line + ": expected " + header.size()
                        + " fields as in the header, found " + record.size());
            }
            if (missing == Missing.DROP && missesAny(record, featureColumns, textColumns, targetRequired ? targetColumn : -1)) {
                dropped++;
                continue;
            }
            double[] row = new double[width + 1];
            for (int f = 0; f < width; f++) row[f] = number(record, featureColumns[f]);
            row[width] = targetColumn < 0 || !targetRequired && isMissing(record.get(targetColumn)) ? Double.NaN
                    : number(record, targetColumn);
            String[] text = new String[textColumns.length];
            for (int t = 0; t < text.length; t++) {
                text[t] = record.get(textColumns[t]);
                if (isMissing(text[t])) throw error(textColumns[t], "missing value (missing: \"drop\" drops such rows)");
            }
            rows.add(row);
            texts.add(text);
        }
        if (rows.isEmpty()) {
            throw new DataException(path + ":" + headerLine + ": " + (dropped == 0 ? "a header line but no data rows"
                    : "every one of the " + dropped + " data rows misses a value (missing: \"drop\")"));
        }
        double[] x = new double[rows.size() * width], y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * width, width);
            y[i] = rows.get(i)[width];
        }
        Map<String, List<String>> text = new LinkedHashMap<>();
        for (int t = 0; t < textColumns.length; t++) {
            List<String> values = new ArrayList<>(rows.size());
            for (String[] row : texts) values.add(row[t]);
            text.put(categorical.get(t), values);
        }
        return new Dataset(path.toString(), features, target, rows.size(), x, y, text, dropped);
    }

    /** An empty field, or NA as R writes a missing value. */
    private static boolean isMissing(String text) {
        return text.isEmpty() || text.equals("NA");
    }

    private static boolean missesAny(CSVRecord record, int[] featureColumns, int[] textColumns, int targetColumn) {
        for (int column : featureColumns) if (isMissing(record.get(column))) return true;
        for (int column : textColumns) if (isMissing(record.get(column))) return true;
        return targetColumn >= 0 && isMissing(record.get(targetColumn));
    }

    private double number(CSVRecord record, int column) throws DataException {
        String text = record.get(column);
        if (isMissing(text)) throw error(column, "missing value (missing: \"drop\" drops such rows)");
        if (NON_FINITE.contains(text)) throw error(column, "not a finite number: \"" + printable(text) + "\"");
        if (!isDecimal(text)) throw error(column, "not a number: \"" + printable(text) + "\"");
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) throw error(column, "not a finite number: \"" + printable(text) + "\"");
        return value;
    }

    /**
     * Whether text is a decimal number, {@code [+-]digits[.digits][(e|E)[+-]digits]} with digits on
     * at least one side of the point. Java's own parser also takes {@code 5f}, {@code 1d} and hex
     * {@code 0x1p3}, which no other tool reads as numbers: a cell like that is a mistake to show.
     */
    static boolean isDecimal(String text) {
        int i = 0, n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) { i++; digits++; }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
            int exponent = 0;
            while (i < n && isDigit(text.charAt(i))) { i++; exponent++; }
            if (exponent == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The next record that is not a blank line, or null at the end; sets {@link #line}. */
    private CSVRecord next() throws IOException, DataException {
        while (true) {
            line = parser.getCurrentLineNumber() + 1;
            try {
                if (!records.hasNext()) return null;
            } catch (UncheckedIOException e) {
                IOException cause = e.getCause();
                if (cause instanceof CSVException) {
                    throw new DataException(path + ":" + line + ": malformed CSV: " + printable(cause.getMessage()));
                }
                if (cause instanceof CharacterCodingException) {
                    throw new DataException(path + ":" + line + ": bytes that are not UTF-8 text at or after this line");
                }
                throw cause;
            }
            CSVRecord record = records.next();
            boolean blank = record.size() == 1 && record.get(0).isEmpty();
            if (!blank) return record;
        }
    }

    private DataException error(int column, String message) {
        return new DataException(path + ":" + line + ":" + (column + 1) + " (" + printable(header.get(column)) + "): "
                + message);
    }

    /**
     * Text from the file as a message shows it: on one line, line breaks and other control
     * characters escaped (a quoted field may hold them), and cut short when very long.
     */
    static String printable(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.length() >= 200 && text.length() > 200 ? out + "..." : out.toString();
    }
}
