package org.drlp.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Compares the configurations of one or more results folders (each written by
 * {@link ExperimentService#run}): performance profiles, shifted geometric means and solved
 * counts, as files and a one-page report (see the README, "Comparing strategies").
 *
 * @since 2.0
 */
@ProviderType // implemented by the workbench only
public interface ReportService {

    /**
     * Reads results.json of every folder (their runs merge into one comparison) and writes into
     * {@code outputDirectory}, created if needed: profile-MEASURE.svg, .png and .csv for each
     * measure, table.csv, cells.csv and report.html.
     *
     * @param measures  names of the measures to compare: {@code seconds}, {@code pivots}
     * @return the files written
     * @throws IOException naming the folder that has no readable results.json, or the file not written
     * @throws IllegalArgumentException for no folders, or an unknown measure (the message lists the known ones)
     */
    List<Path> write(List<Path> resultsFolders, Path outputDirectory, List<String> measures) throws IOException;
}
