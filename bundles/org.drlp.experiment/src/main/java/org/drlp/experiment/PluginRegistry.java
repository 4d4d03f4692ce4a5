package org.drlp.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.drlp.api.PluginCatalog;
import org.drlp.api.PluginDescription;
import org.drlp.spi.DataSourceProvider;
import org.drlp.spi.LossProvider;
import org.drlp.spi.ModelProvider;
import org.drlp.spi.PivotRuleProvider;
import org.drlp.spi.Plugin;
import org.drlp.spi.SolverMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Every registered plugin, found by role and name. Plugins come and go at runtime (a jar dropped
 * into plugins/), so all references are dynamic and greedy: a new plugin is usable at once.
 */
// Registered under the API interface only: a service class that is also visible outside the
// bundle (an embedding application's class path, say) would hide the service from it.
@Component(service = PluginCatalog.class)
public final class PluginRegistry implements PluginCatalog {

    /** One registered service, its name read once; ranking and id break ties between plugins with the same name. */
    private record Registration(PluginRole<?> role, String name, Plugin plugin, String bundle, String bundleVersion,
                                int ranking, long serviceId) { }

    private static final Comparator<Registration> PREFERRED_FIRST = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId);

    private final List<Registration> registrations = new ArrayList<>();

    /** The plugin of this role and name; among several, the one OSGi would prefer (ranking, then age). */
    synchronized <P extends Plugin> Optional<P> find(PluginRole<P> role, String name) {
        return registrations.stream()
                .filter(r -> r.role() == role && r.name().equals(name))
                .min(PREFERRED_FIRST)
                .map(r -> role.cast(r.plugin()));
    }

    /** The bundle that registered {@code plugin}; {@link PluginOrigin#UNKNOWN} once it has gone away. */
    synchronized PluginOrigin origin(Plugin plugin) {
        return registrations.stream()
                .filter(r -> r.plugin() == plugin)
                .findFirst()
                .map(r -> new PluginOrigin(r.bundle(), r.bundleVersion()))
                .orElse(PluginOrigin.UNKNOWN);
    }

    /** Why a name did not resolve, for example {@code unknown pivot rule "dantzg"; available: bland, dantzig}. */
    String unknownMessage(PluginRole<?> role, String name) {
        return "unknown " + role.noun() + " \"" + name + "\"; " + availableText(role);
    }

    /** The names registered for a role, for example {@code available: bland, dantzig}. */
    synchronized String availableText(PluginRole<?> role) {
        TreeSet<String> available = new TreeSet<>();
        for (Registration r : registrations) {
            if (r.role() == role) available.add(r.name());
        }
        return "available: " + (available.isEmpty() ? "(none registered)" : String.join(", ", available));
    }

    @Override
    public synchronized List<PluginDescription> plugins() {
        return registrations.stream()
                .sorted(Comparator.comparing((Registration r) -> r.role().id())
                        .thenComparing(Registration::name)
                        .thenComparing(PREFERRED_FIRST))
                .map(r -> new PluginDescription(r.role().id(), r.name(), r.plugin().description(),
                        r.plugin().parameters(), r.bundle(), r.bundleVersion()))
                .toList();
    }

    private synchronized void add(PluginRole<?> role, Plugin plugin, ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        registrations.add(new Registration(role, plugin.name(), plugin,
                bundle == null ? "" : bundle.getSymbolicName(),
                bundle == null ? "" : bundle.getVersion().toString(),
                ranking instanceof Integer i ? i : 0,
                serviceId(reference)));
    }

    /** By role and service: one object may be registered for several roles or under several services. */
    private synchronized void remove(PluginRole<?> role, ServiceReference<?> reference) {
        long serviceId = serviceId(reference);
        registrations.removeIf(r -> r.role() == role && r.serviceId() == serviceId);
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    @Reference(service = ModelProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeModel")
    void addModel(ModelProvider plugin, ServiceReference<ModelProvider> reference) {
        add(PluginRole.MODEL, plugin, reference);
    }

    void removeModel(ServiceReference<ModelProvider> reference) {
        remove(PluginRole.MODEL, reference);
    }

    @Reference(service = LossProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeLoss")
    void addLoss(LossProvider plugin, ServiceReference<LossProvider> reference) {
        add(PluginRole.LOSS, plugin, reference);
    }

    void removeLoss(ServiceReference<LossProvider> reference) {
        remove(PluginRole.LOSS, reference);
    }

    @Reference(service = PivotRuleProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removePivot")
    void addPivot(PivotRuleProvider plugin, ServiceReference<PivotRuleProvider> reference) {
        add(PluginRole.PIVOT, plugin, reference);
    }

    void removePivot(ServiceReference<PivotRuleProvider> reference) {
        remove(PluginRole.PIVOT, reference);
    }

    @Reference(service = DataSourceProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeData")
    void addData(DataSourceProvider plugin, ServiceReference<DataSourceProvider> reference) {
        add(PluginRole.DATA, plugin, reference);
    }

    void removeData(ServiceReference<DataSourceProvider> reference) {
        remove(PluginRole.DATA, reference);
    }

    @Reference(service = SolverMethod.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeMethod")
    void addMethod(SolverMethod plugin, ServiceReference<SolverMethod> reference) {
        add(PluginRole.METHOD, plugin, reference);
    }

    void removeMethod(ServiceReference<SolverMethod> reference) {
        remove(PluginRole.METHOD, reference);
    }
}
