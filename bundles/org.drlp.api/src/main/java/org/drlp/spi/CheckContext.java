package org.drlp.spi;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a plugin's {@link Plugin#check} sees of the run it is part of, and where it reports what is
 * wrong. The workbench names the plugin and the place in the spec; a message says only what is
 * wrong and, where it helps, what is allowed.
 *
 * @since 1.2
 */
@ProviderType // implemented by the workbench only
public interface CheckContext {

    /**
     * Reports one problem; checking goes on, so that every problem of a spec shows at once.
     *
     * @param parameter the parameter at fault, so that the message points at it in the spec
     *                  ({@code data.target}); null for the plugin's choice as a whole (then it points
     *                  at the plugin's name, {@code model.type})
     * @param message   what is wrong, for example {@code no column "y"; the columns are x, z}
     */
    void problem(String parameter, String message);

    /**
     * For a model's check: the feature names the run's data source will give, in order, when it can
     * tell without loading ({@link DataSourceProvider#featureNames}). Empty for the other plugins,
     * for a run without data, or when the data source cannot tell.
     */
    Optional<List<String>> featureNames();

    /**
     * The name of the run's model plugin, for a plugin that works only with some models; empty when
     * the spec's model did not resolve (that is reported already).
     */
    Optional<String> model();

    /**
     * The name of the run's solver method, for a model that only some methods can solve; empty when
     * the spec's method did not resolve (that is reported already).
     */
    Optional<String> method();
}
