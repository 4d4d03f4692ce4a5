package org.drlp.experiment;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;

/**
 * Data sets loaded within one experiment, by resolved data configuration (source name and every
 * parameter value), so that a sweep over the loss or the solver loads its data once. A failed load
 * is not cached: each run that needs it reports the failure itself. Runs on several threads may
 * ask at once: one configuration is loaded by one thread at a time, different ones in parallel.
 */
final class DatasetCache {

    private final Map<List<Object>, Dataset> loaded = new ConcurrentHashMap<>();
    private final Map<List<Object>, Object> loading = new ConcurrentHashMap<>();

    Dataset load(ResolvedPlugin<DataSourceProvider> data) throws IOException, DataException {
        List<Object> key = List.of(data.name(), data.parameters().asMap());
        Dataset dataset = loaded.get(key);
        if (dataset != null) return dataset;
        synchronized (loading.computeIfAbsent(key, k -> new Object())) {
            dataset = loaded.get(key);
            if (dataset == null) {
                dataset = data.plugin().load(data.parameters());
                if (dataset == null) throw new DataException("data source \"" + data.name() + "\" returned no data");
                loaded.put(key, dataset);
            }
            return dataset;
        }
    }
}
