package org.drlp.shell;

import java.util.List;
import java.util.Locale;

import org.drlp.api.PluginDescription;

/** The plugin catalogue as text: one line per plugin, grouped by role. */
final class PluginTable {

    private PluginTable() {
    }

    static String format(List<PluginDescription> plugins) {
        int width = plugins.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (PluginDescription plugin : plugins) {
            text.append(String.format(Locale.ROOT, "%-7s %-" + width + "s  %s  [%s %s]%n", plugin.role(), plugin.name(),
                    plugin.description(), plugin.bundle(), plugin.bundleVersion()));
        }
        return text.toString();
    }
}
