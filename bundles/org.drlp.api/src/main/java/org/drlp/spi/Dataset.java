package org.drlp.spi;

import java.util.List;
import java.util.Objects;

/**
 * A regression data set: {@code rows} observations of named features (row-major) and a target.
 *
 * @param source    where it came from, for messages (a file path, or a generator and its seed)
 * @param features  row-major, length rows * featureNames.size(), all finite
 */
public record Dataset(String source, List<String> featureNames, String targetName, int rows,
                      double[] features, double[] target) {

    public Dataset {
        Objects.requireNonNull(source, "source");
        featureNames = List.copyOf(featureNames);
        if (features.length != (long) rows * featureNames.size() || target.length != rows) {
            throw new IllegalArgumentException("data set " + source + ": shape does not match "
                    + rows + " rows x " + featureNames.size() + " features");
        }
    }

    public int columns() {
        return featureNames.size();
    }

    public double feature(int row, int column) {
        return features[row * featureNames.size() + column];
    }
}
