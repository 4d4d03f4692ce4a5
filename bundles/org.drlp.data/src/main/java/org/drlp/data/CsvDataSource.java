package org.drlp.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.drlp.api.ParameterException;
import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
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
            ParameterSpec.string("target", null, "name of the column to predict; default: the last column")
                    .asOptional(),
            ParameterSpec.list("features", ParameterType.STRING_LIST, null,
                    "numeric columns to use as features, in this order; default: every column but the target and "
                            + "the categorical ones").asOptional(),
            ParameterSpec.list("categorical", ParameterType.STRING_LIST, List.of(),
                    "columns of text values (levels), which a model codes itself (the linear model: dummies)"),
            ParameterSpec.string("missing", "error", "a row missing a value it needs (an empty field or NA): "
                    + "error names its file, line and column; drop leaves the row out and counts it")
                    .withChoices("error", "drop"),
            ParameterSpec.bool("targetRequired", true, "false: a file without the target column loads, with "
                    + "no target (new data to predict)"),
            ParameterSpec.string("delimiter", ",", "field separator, one character (\";\" or a tab, say)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CSV file with a header line; numbers, and text in the columns declared categorical";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Dataset load(Parameters parameters) throws IOException, DataException {
        String problem = delimiterProblem(parameters.string("delimiter"));
        if (problem != null) throw new ParameterException(parameters.owner() + ": " + problem);
        return new CsvLoader(parameters.path("path"), delimiter(parameters))
                .load(target(parameters), requestedFeatures(parameters), parameters.strings("categorical"),
                        parameters.string("missing").equals("drop") ? CsvLoader.Missing.DROP : CsvLoader.Missing.ERROR,
                        parameters.bool("targetRequired"));
    }

    /**
     * The file exists and is readable, the delimiter is one character, and the target and features
     * are columns of the header line (the rest of the file is read only when the run loads it).
     */
    @Override
    public void check(Parameters parameters, CheckContext context) {
        String delimiterProblem = delimiterProblem(parameters.string("delimiter"));
        if (delimiterProblem != null) context.problem("delimiter", delimiterProblem);
        Path path = parameters.path("path");
        if (!Files.isRegularFile(path)) {
            context.problem("path", path + (Files.isDirectory(path) ? ": a directory, not a CSV file" : ": no such file"));
            return;
        }
        if (!Files.isReadable(path)) {
            context.problem("path", path + ": not readable (permission denied)");
            return;
        }
        if (delimiterProblem != null) return;
        CsvLoader header = new CsvLoader(path, delimiter(parameters));
        try {
            header.readHeaderOnly();
        } catch (DataException e) {
            context.problem("path", e.getMessage());
            return;
        } catch (IOException e) {
            context.problem("path", path + ": cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        int target = -1;
        try {
            target = header.targetColumn(target(parameters));
        } catch (DataException e) {
            context.problem("target", e.getMessage());
        }
        List<String> categorical = parameters.strings("categorical");
        for (int t = 0; t < categorical.size(); t++) {
            try {
                header.checkCategorical(categorical, t, target);
            } catch (DataException e) {
                context.problem("categorical", e.getMessage());
            }
        }
        List<String> features = requestedFeatures(parameters);
        for (int f = 0; features != null && f < features.size(); f++) {
            try {
                header.checkFeature(features, f, target);
                if (categorical.contains(features.get(f))) {
                    context.problem("features", "\"" + features.get(f) + "\" is listed both as a feature and as categorical");
                }
            } catch (DataException e) {
                context.problem("features", e.getMessage());
            }
        }
    }

    /** The header line's columns but the target and the categorical ones, or the listed features. */
    @Override
    public Optional<List<String>> featureNames(Parameters parameters) throws IOException, DataException {
        CsvLoader header = new CsvLoader(parameters.path("path"), delimiter(parameters));
        header.readHeaderOnly();
        return Optional.of(header.features(target(parameters), requestedFeatures(parameters),
                parameters.strings("categorical")));
    }

    /** The target column's name, or null for the last column. */
    private static String target(Parameters parameters) {
        return parameters.has("target") ? parameters.string("target") : null;
    }

    private static List<String> requestedFeatures(Parameters parameters) {
        return parameters.has("features") ? parameters.strings("features") : null;
    }

    /** Null for a usable delimiter, else what is wrong with it. */
    private static String delimiterProblem(String delimiter) {
        if (delimiter.length() == 1 && !"\"\r\n".contains(delimiter)) return null;
        return "parameter \"delimiter\" = \"" + CsvLoader.printable(delimiter)
                + "\" must be one character other than a double quote or a line break";
    }

    private static char delimiter(Parameters parameters) {
        return parameters.string("delimiter").charAt(0);
    }
}
