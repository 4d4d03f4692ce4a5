package org.drlp.compare.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drlp.compare.RunRecord;

/**
 * Turns the runs of every folder into {@link RunRecord}s. A problem is a distinct set of resolved
 * data and model settings; it is named by the runs' {@code problem} field when that names each
 * problem one way, else by the settings that differ between the problems (file paths by their
 * file name), else by the experiment. A configuration is named by its swept values outside data.
 * and model., or by its experiment when it has none (comparing two specs that sweep only problems).
 */
final class ProblemNames {

    private ProblemNames() {
    }

    static List<RunRecord> records(List<ResultsFolder> folders) {
        List<FolderRun> runs = new ArrayList<>();
        folders.forEach(folder -> runs.addAll(folder.runs()));
        Map<Map<String, String>, String> names = names(runs);
        List<RunRecord> records = new ArrayList<>();
        for (FolderRun run : runs) {
            String configuration = run.configuration().isEmpty() ? run.experiment() : run.configuration();
            records.add(new RunRecord(names.get(run.instance()), configuration, run.certified(), run.objective(),
                    run.costs()));
        }
        return records;
    }

    private static Map<Map<String, String>, String> names(List<FolderRun> runs) {
        Map<Map<String, String>, Set<String>> labels = new LinkedHashMap<>();
        Map<String, Set<Map<String, String>>> instancesOfLabel = new HashMap<>();
        boolean allLabelled = true;
        for (FolderRun run : runs) {
            labels.computeIfAbsent(run.instance(), i -> new LinkedHashSet<>());
            if (run.problemLabel() == null || run.problemLabel().isEmpty()) {
                allLabelled = false;
            } else {
                labels.get(run.instance()).add(run.problemLabel());
                instancesOfLabel.computeIfAbsent(run.problemLabel(), l -> new HashSet<>()).add(run.instance());
            }
        }
        boolean oneToOne = allLabelled && labels.values().stream().allMatch(l -> l.size() == 1)
                && instancesOfLabel.values().stream().allMatch(i -> i.size() == 1);
        Map<Map<String, String>, String> names = new LinkedHashMap<>();
        if (oneToOne) {
            labels.forEach((instance, label) -> names.put(instance, label.iterator().next()));
            return names;
        }
        List<String> varying = varying(labels.keySet());
        for (boolean shorten : new boolean[] {true, false}) {
            names.clear();
            for (Map<String, String> instance : labels.keySet()) {
                List<String> parts = new ArrayList<>();
                for (String key : varying) {
                    String value = instance.getOrDefault(key, "");
                    parts.add(key + "=" + (shorten ? shortValue(value) : value));
                }
                names.put(instance, parts.isEmpty() ? experimentOf(runs, instance) : String.join(" ", parts));
            }
            if (new HashSet<>(names.values()).size() == names.size()) break; // else two files of one name
        }
        return names;
    }

    /** The settings that do not have one value in every instance, in the order first seen. */
    private static List<String> varying(Set<Map<String, String>> instances) {
        Set<String> keys = new LinkedHashSet<>();
        instances.forEach(i -> keys.addAll(i.keySet()));
        List<String> varying = new ArrayList<>();
        for (String key : keys) {
            Set<String> values = new HashSet<>();
            for (Map<String, String> instance : instances) values.add(instance.get(key));
            if (values.size() > 1) varying.add(key);
        }
        return varying;
    }

    /** A file path by its file name: the folders are the same for every problem, the name is what differs. */
    private static String shortValue(String value) {
        int slash = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
        return slash >= 0 && slash < value.length() - 1 ? value.substring(slash + 1) : value;
    }

    private static String experimentOf(List<FolderRun> runs, Map<String, String> instance) {
        return runs.stream().filter(r -> r.instance().equals(instance)).map(FolderRun::experiment).findFirst().orElse("");
    }
}
