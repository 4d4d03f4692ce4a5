package org.drlp.data;

import java.io.IOException;
import java.util.List;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.osgi.service.component.annotations.Component;

/** The data source {@code csv}: a numeric table with a header line, one column chosen as the target. */
@Component(service = DataSourceProvider.class, property = "name=" + CsvDataSource.NAME)
public final class CsvDataSource implements DataSourceProvider {

    static final String NAME = "csv";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("path", null, "the CSV file (UTF-8, header line first), relative to the spec's folder"),
            ParameterSpec.string("target", null, "name of the column to predict"),
            ParameterSpec.list("features", ParameterType.STRING_LIST, null,
                    "columns to use as features, in this order; default: every column but the target").asOptional(),
            ParameterSpec.string("delimiter", ",", "field separator, one character (\";\" or a tab, say)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CSV file with a header line; every value used must be a finite number";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Dataset load(Parameters parameters) throws IOException, DataException {
        List<String> features = parameters.has("features") ? parameters.strings("features") : null;
        return new CsvLoader(parameters.path("path"), delimiter(parameters))
                .load(parameters.string("target"), features);
    }

    private static char delimiter(Parameters parameters) {
        String delimiter = parameters.string("delimiter");
        if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
            throw new ParameterException(parameters.owner() + ": parameter \"delimiter\" = \"" + delimiter
                    + "\" must be one character other than a double quote or a line break");
        }
        return delimiter.charAt(0);
    }
}
