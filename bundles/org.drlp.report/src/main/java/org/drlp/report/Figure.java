package org.drlp.report;

import java.util.List;

/** Panels side by side under one title. */
public record Figure(String title, List<Panel> panels) {

    public Figure {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) throw new IllegalArgumentException("figure \"" + title + "\" has no panels");
    }
}
