package org.drlp.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits finished runs into {@link SweepGroup}s: one per combination of all swept values but the last. */
final class SweepGroups {

    /** The name of the one group when only one path is swept. */
    static final String ALL = "all";

    private SweepGroups() {
    }

    /** @return groups in sweep order; none when nothing is swept (each run's own plot says it all) */
    static List<SweepGroup> of(List<RunOutcome> runs) {
        Map<String, List<RunOutcome>> groups = new LinkedHashMap<>();
        for (RunOutcome run : runs) {
            Map<String, String> values = run.plan().point().valueTexts();
            if (values.isEmpty()) continue;
            groups.computeIfAbsent(key(values), k -> new ArrayList<>()).add(run);
        }
        List<SweepGroup> result = new ArrayList<>();
        groups.forEach((key, members) -> result.add(new SweepGroup(key.isEmpty() ? ALL : key, members)));
        return result;
    }

    /** The swept values without the last path, for example {@code loss.tau=0.5}. */
    private static String key(Map<String, String> values) {
        List<String> others = new ArrayList<>();
        int last = values.size() - 1;
        int position = 0;
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (position++ < last) others.add(value.getKey() + "=" + value.getValue());
        }
        return String.join(" ", others);
    }
}
