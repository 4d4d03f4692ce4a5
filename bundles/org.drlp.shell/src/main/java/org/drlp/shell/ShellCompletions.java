package org.drlp.shell;

import java.util.List;
import java.util.TreeSet;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.felix.service.command.Function;
import org.drlp.api.PluginCatalog;
import org.drlp.api.PluginDescription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tab completion of plugin names in Gogo's JLine console: {@code drlp:plugins} completes a role or
 * the name of a plugin, from the catalogue as it is when Tab is pressed (a plugin dropped into
 * plugins/ completes at once). Gogo keeps completions per session, so they are declared in a
 * session before its first command (the console's profile) runs.
 */
@Component(service = CommandSessionListener.class)
public final class ShellCompletions implements CommandSessionListener {

    /** The session function that gives the candidates; called by name from the completion. */
    static final String NAMES_FUNCTION = "__drlp_plugin_names";
    private static final String DECLARED = "drlp.completions.declared";

    private final PluginCatalog catalog;

    @Activate
    public ShellCompletions(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        if (session.get(DECLARED) != null) return;
        session.put(DECLARED, Boolean.TRUE);
        session.put(NAMES_FUNCTION, (Function) (s, arguments) -> names());
        try {
            session.execute("complete -c drlp:plugins -a " + NAMES_FUNCTION);
        } catch (Exception e) {
            // a console without JLine's completion has no complete command: nothing to declare
        }
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
    }

    /** The roles that have plugins, then every plugin's name. */
    List<String> names() {
        TreeSet<String> roles = new TreeSet<>(), names = new TreeSet<>();
        for (PluginDescription plugin : catalog.plugins()) {
            roles.add(plugin.role());
            names.add(plugin.name());
        }
        names.removeAll(roles);
        List<String> all = new java.util.ArrayList<>(roles);
        all.addAll(names);
        return all;
    }
}
