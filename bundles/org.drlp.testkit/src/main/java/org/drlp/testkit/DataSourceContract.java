package org.drlp.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.api.Parameters;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Dataset;
import org.drlp.spi.PluginRole;

/**
 * A data source's contract: good input loads into a data set of finite numbers whose feature names
 * are those {@code featureNames} announces; bad input is refused with a {@link DataException}
 * (nothing else) whose message is one line and starts with the place, {@code FILE:LINE:COLUMN}
 * (1-based, as an editor counts), or {@code FILE:LINE} where there is no column.
 */
public final class DataSourceContract {

    private DataSourceContract() {
    }

    /** Loads good input; returns the data set for further checks of the caller's own. */
    public static Dataset checkLoads(DataSourceProvider provider, Map<String, ?> parameters, Path directory)
            throws IOException {
        Contracts.checkDeclarations(PluginRole.DATA, provider);
        String owner = PluginRole.DATA.owner(provider.name()) + " with " + parameters;
        Parameters resolved = Parameters.resolve(PluginRole.DATA.owner(provider.name()), provider.parameters(),
                parameters, directory);
        Dataset data;
        Optional<List<String>> announced;
        try {
            data = provider.load(resolved);
            announced = provider.featureNames(resolved);
        } catch (DataException e) {
            throw Contracts.failure(owner + ": refused good input: " + e.getMessage(), e);
        }
        if (data == null) Contracts.fail(owner + ": load returned null");
        for (int i = 0; i < data.features().length; i++) {
            if (!Double.isFinite(data.features()[i])) {
                Contracts.fail(owner + ": feature value " + data.features()[i] + " at row " + i / data.columns()
                        + ", column " + i % data.columns() + " (a data set holds finite numbers only)");
            }
        }
        for (int i = 0; i < data.rows(); i++) {
            if (!Double.isFinite(data.target()[i])) Contracts.fail(owner + ": target " + data.target()[i] + " at row " + i);
        }
        if (announced.isPresent() && !announced.get().equals(data.featureNames())) {
            Contracts.fail(owner + ": featureNames() announces " + announced.get() + " but load gives "
                    + data.featureNames());
        }
        return data;
    }

    /**
     * Loads bad input and checks the refusal.
     *
     * @param file   the file as the message must name it (its path as given, or the file name)
     * @param line   1-based line of the fault
     * @param column 1-based column (field) of the fault, 0 when the fault has none (a short row)
     * @return the message, for further checks of the caller's own
     */
    public static String checkRejects(DataSourceProvider provider, Map<String, ?> parameters, Path directory,
                                      String file, long line, long column) throws IOException {
        String owner = PluginRole.DATA.owner(provider.name()) + " with " + parameters;
        Parameters resolved = Parameters.resolve(PluginRole.DATA.owner(provider.name()), provider.parameters(),
                parameters, directory);
        String message = null;
        try {
            provider.load(resolved);
        } catch (DataException e) {
            message = e.getMessage();
        } catch (RuntimeException e) {
            throw Contracts.failure(owner + ": bad input must be refused with a DataException, not " + e, e);
        }
        if (message == null) {
            Contracts.fail(owner + ": loaded bad input without complaint (expected a fault at " + file + ":" + line
                    + (column > 0 ? ":" + column : "") + ")");
        }
        if (message.isBlank() || message.contains("\n") || message.contains("\r")) {
            Contracts.fail(owner + ": the message must be one non-blank line, got \"" + message + "\"");
        }
        String place = file + ":" + line + (column > 0 ? ":" + column : "");
        int at = message.indexOf(place);
        boolean followed = at >= 0 && (at + place.length() == message.length()
                || !Character.isDigit(message.charAt(at + place.length())));
        if (!followed) {
            Contracts.fail(owner + ": the message must name the place " + place + ", got \"" + message + "\"");
        }
        return message;
    }
}
