package org.drlp.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A regression data set: {@code rows} observations of named features (row-major) and a target,
 * and, since 2.1, text columns (categorical values a model codes itself) and the count of rows the
 * source dropped for missing values.
 *
 * @param source       where it came from, for messages (a file path, or a generator and its seed)
 * @param features     row-major, length rows * featureNames.size(), all finite
 * @param target       length rows; NaN only where the source was told the target may be absent
 *                     (new data to predict)
 * @param textColumns  column name to its values, one per row, none null, in the source's column
 *                     order; empty for a purely numeric source (@since 2.1)
 * @param droppedRows  rows of the source left out because a value they needed was missing; 0 when
 *                     none were (@since 2.1)
 */
public record Dataset(String source, List<String> featureNames, String targetName, int rows,
                      double[] features, double[] target, Map<String, List<String>> textColumns, int droppedRows) {

    public Dataset {
        Objects.requireNonNull(source, "source");
        featureNames = List.copyOf(featureNames);
        if (features.length != (long) rows * featureNames.size() || target.length != rows) {
            throw new IllegalArgumentException("data set " + source + ": shape does not match "
                    + rows + " rows x " + featureNames.size() + " features");
        }
        Map<String, List<String>> text = new LinkedHashMap<>(); // Map.copyOf would lose the order
        textColumns.forEach((name, values) -> {
            if (values.size() != rows) {
                throw new IllegalArgumentException("data set " + source + ": text column \"" + name + "\" has "
                        + values.size() + " values for " + rows + " rows");
            }
            text.put(name, List.copyOf(values));
        });
        textColumns = Collections.unmodifiableMap(text);
        if (droppedRows < 0) throw new IllegalArgumentException("data set " + source + ": negative dropped rows");
    }

    /** A numeric data set with nothing dropped: the 2.0 constructor. */
    public Dataset(String source, List<String> featureNames, String targetName, int rows, double[] features,
                   double[] target) {
        this(source, featureNames, targetName, rows, features, target, Map.of(), 0);
    }

    public int columns() {
        return featureNames.size();
    }

    public double feature(int row, int column) {
        return features[row * featureNames.size() + column];
    }
}
