package org.drlp.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.drlp.api.PluginCatalog;
import org.drlp.api.PluginDescription;
import org.drlp.spi.Plugin;
import org.drlp.spi.PluginRole;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Every registered plugin of every role ({@link PluginRole#ALL}), found by role and name. Plugins
 * come and go at runtime (a jar dropped into plugins/): a service tracker per role sees each one
 * as it is registered, so a new plugin is usable at once.
 */
// Registered under interfaces only: a service class that is also visible outside the bundle (an
// embedding application's class path, say) would hide the service from it.
@Component(service = {PluginCatalog.class, PluginLookup.class})
public final class PluginRegistry implements PluginCatalog, PluginLookup {

    /** One registered service, its name read once; ranking and id break ties between plugins with the same name. */
    private record Registration(PluginRole<?> role, String name, Plugin plugin, String bundle, String bundleVersion,
                                int ranking, long serviceId) { }

    private static final Comparator<Registration> PREFERRED_FIRST = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId);

    private final List<Registration> registrations = new ArrayList<>();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    @Override
    public synchronized <P extends Plugin> Optional<P> find(PluginRole<P> role, String name) {
        return registrations.stream()
                .filter(r -> r.role() == role && r.name().equals(name))
                .min(PREFERRED_FIRST)
                .map(r -> role.type().cast(r.plugin()));
    }

    @Override
    public synchronized PluginOrigin origin(Plugin plugin) {
        return registrations.stream()
                .filter(r -> r.plugin() == plugin)
                .findFirst()
                .map(r -> new PluginOrigin(r.bundle(), r.bundleVersion()))
                .orElse(PluginOrigin.UNKNOWN);
    }

    @Override
    public synchronized String availableText(PluginRole<?> role) {
        TreeSet<String> available = new TreeSet<>();
        for (Registration r : registrations) {
            if (r.role() == role) available.add(r.name());
        }
        return "available: " + (available.isEmpty() ? "(none registered)" : String.join(", ", available));
    }

    @Override
    public synchronized List<PluginDescription> plugins() {
        return registrations.stream()
                .sorted(Comparator.comparing((Registration r) -> PluginRole.ALL.indexOf(r.role()))
                        .thenComparing(Registration::name)
                        .thenComparing(PREFERRED_FIRST))
                .map(r -> new PluginDescription(r.role().id(), r.name(), r.plugin().description(),
                        r.plugin().parameters(), r.bundle(), r.bundleVersion()))
                .toList();
    }

    /** Tracks the services of every role of {@link PluginRole#ALL} while the component is active. */
    @Activate
    void activate(BundleContext context) {
        for (PluginRole<?> role : PluginRole.ALL) trackers.add(tracker(context, role));
        trackers.forEach(ServiceTracker::open);
    }

    @Deactivate
    void deactivate() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }

    private <P extends Plugin> ServiceTracker<P, P> tracker(BundleContext context, PluginRole<P> role) {
        return new ServiceTracker<>(context, role.type(), null) {
            @Override
            public P addingService(ServiceReference<P> reference) {
                P plugin = context.getService(reference);
                if (plugin != null) PluginRegistry.this.add(role, plugin, reference);
                return plugin;
            }

            @Override
            public void removedService(ServiceReference<P> reference, P plugin) {
                PluginRegistry.this.remove(role, reference);
                context.ungetService(reference);
            }
        };
    }

    /** Registers one service of a role (the trackers call it; tests outside OSGi call it directly). */
    synchronized void add(PluginRole<?> role, Plugin plugin, ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        registrations.add(new Registration(role, plugin.name(), plugin,
                bundle == null ? "" : bundle.getSymbolicName(),
                bundle == null ? "" : bundle.getVersion().toString(),
                ranking instanceof Integer i ? i : 0,
                serviceId(reference)));
    }

    /** By role and service: one object may be registered for several roles or under several services. */
    synchronized void remove(PluginRole<?> role, ServiceReference<?> reference) {
        long serviceId = serviceId(reference);
        registrations.removeIf(r -> r.role() == role && r.serviceId() == serviceId);
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
