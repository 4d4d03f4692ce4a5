package org.drlp.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.LossProvider;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.SolverMethod;

import com.google.gson.JsonObject;

/**
 * Everything one run needs, resolved and validated before anything runs.
 *
 * @param label   the index and swept values, for example {@code 003 loss.tau=0.5 solver.pivot=dantzig}
 * @param repeat  0-based repeat of the sweep point
 * @param data    null when the spec has no data section (a model that uses no data)
 * @param loss    null when the spec has no loss section (a model that uses no loss)
 * @param method  the solver method, with the strategies it chose (the pivot rule, say) nested in it
 */
record RunPlan(int index, String label, SweepPoint point, int repeat,
               ResolvedPlugin<DataSourceProvider> data, ResolvedPlugin<ModelProvider> model,
               ResolvedPlugin<LossProvider> loss, ResolvedPlugin<SolverMethod> method) {

    /** The resolved data, model, loss and solver objects, defaults and plugin names included. */
    JsonObject config() {
        JsonObject config = new JsonObject();
        if (data != null) config.add("data", data.toJson("source"));
        config.add("model", model.toJson("type"));
        if (loss != null) config.add("loss", loss.toJson("type"));
        config.add("solver", method.toJson("method"));
        return config;
    }

    /** Every plugin of the run, nested ones after their owner, in file order. */
    List<ResolvedPlugin<?>> plugins() {
        List<ResolvedPlugin<?>> all = new ArrayList<>();
        for (ResolvedPlugin<?> top : Arrays.asList(data, model, loss, method)) {
            if (top != null) top.forEach(all::add);
        }
        return all;
    }

    /**
     * The bundle and version behind each plugin of the run: the sections' plugins by role (data,
     * model, loss, method), the nested ones by where they sit ({@code solver.pivot}).
     */
    JsonObject origins() {
        JsonObject origins = new JsonObject();
        for (ResolvedPlugin<?> plugin : plugins()) {
            boolean top = plugin.section().indexOf('.') < 0;
            origins.add(top ? plugin.role().id() : plugin.section(), plugin.origin().toJson());
        }
        return origins;
    }
}
