package org.drlp.spi;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.drlp.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/** Registers a data source by name. */
@ConsumerType // implemented by plugins
public interface DataSourceProvider extends Plugin {

    /**
     * Loads the data set.
     *
     * @throws DataException for malformed or unusable data, naming the file, row and column
     */
    Dataset load(Parameters parameters) throws IOException, DataException;

    /**
     * The feature names {@link #load} would give, in order, found cheaply (from a file's header
     * line, say), so that the model's {@link Plugin#check} can test its feature names and input
     * count before anything loads. Called only when this source's own check found no problem.
     * The default: empty, the source cannot tell without loading.
     *
     * @throws DataException when the names cannot be read, naming the file, line and column
     * @since 1.2
     */
    default Optional<List<String>> featureNames(Parameters parameters) throws IOException, DataException {
        return Optional.empty();
    }
}
