package org.drlp.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drlp.spi.CheckContext;
import org.drlp.spi.DataException;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.Plugin;

/**
 * Runs the plugins' own checks ({@link Plugin#check}) of a run before anything runs, and asks the
 * data source for its feature names so that the model can check its own against them. A sweep
 * repeats most configurations, so the findings of the last few hundred are remembered and a
 * CSV header is read once, not once per run.
 */
final class PluginChecks {

    private static final int REMEMBERED = 512;

    /** Where a run's problems go: a path in the spec and a message naming the plugin. */
    interface Sink {
        void problem(String path, String message);
    }

    /** The other plugins of the run, as a check sees them. */
    record Run(Optional<String> model, Optional<String> method) {
    }

    private record Finding(String path, String message) {
    }

    /** What one configuration's check found; featureNames only for a data source whose check passed. */
    private record Findings(List<Finding> problems, Optional<List<String>> featureNames) {
    }

    private record Key(Plugin plugin, String name, String section, Map<String, Object> parameters, Optional<List<String>> features,
                       Run run) {
    }

    private final Map<Key, Findings> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Findings> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Checks one plugin and reports its problems.
     *
     * @param features the data's feature names, for the model; empty for the others
     * @return for a data source whose check found nothing, the feature names it will give, if it can tell
     */
    Optional<List<String>> check(ResolvedPlugin<?> resolved, Optional<List<String>> features, Run run, Sink sink) {
        Key key = new Key(resolved.plugin(), resolved.name(), resolved.section(), resolved.parameters().asMap(), features, run);
        Findings findings = remembered.get(key);
        if (findings == null) {
            findings = findings(resolved, features, run);
            remembered.put(key, findings);
        }
        for (Finding finding : findings.problems()) sink.problem(finding.path(), finding.message());
        return findings.featureNames();
    }

    private static Findings findings(ResolvedPlugin<?> resolved, Optional<List<String>> features, Run run) {
        String owner = resolved.owner();
        List<Finding> problems = new ArrayList<>();
        CheckContext context = new CheckContext() {
            @Override
            public void problem(String parameter, String message) {
                String path = parameter == null ? resolved.namePath() : resolved.section() + "." + parameter;
                problems.add(new Finding(path, owner + ": " + message));
            }

            @Override
            public Optional<List<String>> featureNames() {
                return features;
            }

            @Override
            public Optional<String> model() {
                return run.model();
            }

            @Override
            public Optional<String> method() {
                return run.method();
            }
        };
        try {
            resolved.plugin().check(resolved.parameters(), context);
        } catch (RuntimeException | LinkageError e) { // a plugin's bug must not hide the spec's other problems
            context.problem(null, "its check of the parameters failed: " + e);
        }
        if (!problems.isEmpty() || !(resolved.plugin() instanceof DataSourceProvider source)) {
            return new Findings(List.copyOf(problems), Optional.empty());
        }
        try {
            Optional<List<String>> names = source.featureNames(resolved.parameters());
            return new Findings(List.of(), names == null ? Optional.empty() : names.map(List::copyOf));
        } catch (IOException | DataException | RuntimeException e) {
            String reason = e instanceof DataException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Findings(List.of(new Finding(resolved.section(), owner + ": reading its column names: " + reason)),
                    Optional.empty());
        }
    }
}
