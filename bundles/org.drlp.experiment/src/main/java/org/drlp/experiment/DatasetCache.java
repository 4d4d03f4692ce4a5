package org.drlp.experiment;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;

/**
 * Data sets loaded within one experiment, by resolved data configuration (source name and every
 * parameter value), so that a sweep over the loss or the solver loads its data once. A failed load
 * is not cached: each run that needs it reports the failure itself.
 */
final class DatasetCache {

    private final Map<List<Object>, Dataset> loaded = new HashMap<>();

    Dataset load(ResolvedPlugin<DataSourceProvider> data) throws IOException, DataException {
        List<Object> key = List.of(data.name(), data.parameters().asMap());
        Dataset dataset = loaded.get(key);
        if (dataset == null) {
            dataset = data.plugin().load(data.parameters());
            if (dataset == null) throw new DataException("data source \"" + data.name() + "\" returned no data");
            loaded.put(key, dataset);
        }
        return dataset;
    }
}
