package org.drlp.experiment;

import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.LossProvider;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.SolverMethod;

import com.google.gson.JsonObject;

/**
 * Everything one run needs, resolved and validated before anything runs.
 *
 * @param label   the index and swept values, for example {@code 003 loss.tau=0.5 solver.pivot=dantzig}
 * @param repeat  0-based repeat of the sweep point
 * @param pivot   null when the method uses no pivot rule
 * @param data    null when the spec has no data section (a model that uses no data)
 * @param loss    null when the spec has no loss section (a model that uses no loss)
 */
record RunPlan(int index, String label, SweepPoint point, int repeat,
               ResolvedPlugin<DataSourceProvider> data, ResolvedPlugin<ModelProvider> model,
               ResolvedPlugin<LossProvider> loss, ResolvedPlugin<SolverMethod> method,
               ResolvedPlugin<PivotRuleProvider> pivot) {

    /** The resolved data, model, loss and solver objects, defaults and plugin names included. */
    JsonObject config() {
        JsonObject solver = new JsonObject();
        solver.addProperty("method", method.name());
        if (pivot != null) solver.add("pivot", pivot.toJson("type"));
        method.toJson("method").entrySet().forEach(e -> solver.add(e.getKey(), e.getValue()));
        JsonObject config = new JsonObject();
        if (data != null) config.add("data", data.toJson("source"));
        config.add("model", model.toJson("type"));
        if (loss != null) config.add("loss", loss.toJson("type"));
        config.add("solver", solver);
        return config;
    }

    /** The bundle and version behind each plugin of the run, by role: data, model, loss, method, pivot. */
    JsonObject origins() {
        JsonObject origins = new JsonObject();
        if (data != null) origins.add(PluginRole.DATA.id(), data.origin().toJson());
        origins.add(PluginRole.MODEL.id(), model.origin().toJson());
        if (loss != null) origins.add(PluginRole.LOSS.id(), loss.origin().toJson());
        origins.add(PluginRole.METHOD.id(), method.origin().toJson());
        if (pivot != null) origins.add(PluginRole.PIVOT.id(), pivot.origin().toJson());
        return origins;
    }
}
