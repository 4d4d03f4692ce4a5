package org.drlp.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two sbatch scripts of a sweep on Slurm, kept in its folder: the array, each task running
 * its shard into shards/NNN with {@code --resume} (so that running the script again finishes what
 * a cancelled or timed-out task left), and the merge, run once the array has ended. The submit's
 * {@code --set} overrides are passed on to every task, so that the shards run what was validated.
 */
record SlurmScripts(Path java, Path jar, Path spec, Path folder, int tasks, String partition, String time,
                    int cpusPerTask, List<String> overrides) {

    SlurmScripts {
        overrides = List.copyOf(overrides);
    }

    static final String ARRAY_SCRIPT = "drlp-array.sh";
    static final String MERGE_SCRIPT = "drlp-merge.sh";
    /** Task logs, and the submitted job ids ({@value #JOBS_FILE}). */
    static final String LOG_FOLDER = "slurm";
    static final String JOBS_FILE = "jobs";

    String array(String name) {
        StringBuilder script = header("drlp-" + name, "--array=0-" + (tasks - 1),
                folder.resolve(LOG_FOLDER).resolve("task-%a.out"));
        script.append("# one shard of the sweep per task; --resume finishes what an earlier attempt left\n")
                .append("shard=$(printf %03d \"$SLURM_ARRAY_TASK_ID\")\n")
                .append("exec ").append(quote(java.toString())).append(" -jar ").append(quote(jar.toString()))
                .append(" run ").append(quote(spec.toString()));
        for (String override : overrides) script.append(" --set ").append(quote(override));
        script.append(" --out ").append(quote(folder.resolve("shards").toString())).append("/\"$shard\"")
                .append(" --shard \"$SLURM_ARRAY_TASK_ID/").append(tasks).append('"')
                .append(" --jobs ").append(cpusPerTask).append(" --resume --quiet\n");
        return script.toString();
    }

    String merge(String name) {
        StringBuilder script = header("drlp-merge-" + name, null, folder.resolve(LOG_FOLDER).resolve("merge.out"));
        script.append("# the shards in shards/ into one results.json and summary.csv in this folder\n")
                .append("exec ").append(quote(java.toString())).append(" -jar ").append(quote(jar.toString()))
                .append(" merge ").append(quote(folder.toString())).append('\n');
        return script.toString();
    }

    private StringBuilder header(String jobName, String array, Path output) {
        List<String> directives = new ArrayList<>();
        directives.add("--job-name=" + jobName.replaceAll("[^A-Za-z0-9._-]", "_"));
        if (array != null) directives.add(array);
        directives.add("--output=" + output);
        directives.add("--cpus-per-task=" + (array == null ? 1 : cpusPerTask));
        if (partition != null) directives.add("--partition=" + partition);
        if (time != null) directives.add("--time=" + time);
        StringBuilder script = new StringBuilder("#!/bin/bash\n# written by drlp slurm submit; submit again with sbatch\n");
        for (String directive : directives) script.append("#SBATCH ").append(directive).append('\n');
        return script;
    }

    /** Single-quoted for bash. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
