package org.drlp.spi;

import java.io.IOException;

import org.drlp.api.Parameters;

/** Registers a data source by name. */
public interface DataSourceProvider extends Plugin {

    /**
     * Loads the data set.
     *
     * @throws DataException for malformed or unusable data, naming the file, row and column
     */
    Dataset load(Parameters parameters) throws IOException, DataException;
}
