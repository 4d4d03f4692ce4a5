package org.drlp.compare.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.drlp.api.ReportService;
import org.drlp.compare.Comparison;
import org.drlp.compare.ConfigurationSummary;
import org.drlp.compare.Measure;
import org.drlp.compare.SolvedRule;
import org.osgi.service.component.annotations.Component;

/** The report service: reads the folders, compares with {@link SolvedRule#DEFAULT}, writes the files. */
@Component(service = ReportService.class)
public final class ReportComponent implements ReportService {

    @Override
    public List<Path> write(List<Path> resultsFolders, Path outputDirectory, List<String> measureNames) throws IOException {
        if (resultsFolders.isEmpty()) throw new IllegalArgumentException("no results folders to compare");
        if (measureNames.isEmpty()) throw new IllegalArgumentException("no measures to compare");
        List<Measure> measures = new ArrayList<>();
        for (String name : new LinkedHashSet<>(measureNames)) measures.add(Measure.named(name));
        List<ResultsFolder> folders = new ArrayList<>();
        for (Path folder : resultsFolders) folders.add(ResultsFolder.read(folder));
        Comparison comparison = Comparison.of(ProblemNames.records(folders), SolvedRule.DEFAULT);
        if (comparison.problems().isEmpty()) {
            throw new IOException(String.join(", ", resultsFolders.stream().map(Path::toString).toList())
                    + ": no runs to compare");
        }
        Files.createDirectories(outputDirectory);
        Set<String> names = new LinkedHashSet<>();
        folders.forEach(f -> names.add(f.name()));
        String experiments = String.join(", ", names);
        List<Path> written = new ArrayList<>();
        for (Measure measure : measures) {
            written.addAll(ProfileFiles.write(comparison.profile(measure), experiments, outputDirectory));
        }
        List<ConfigurationSummary> rows = comparison.summaries(measures);
        written.add(TableFiles.writeTable(rows, measures, outputDirectory));
        written.add(TableFiles.writeCells(comparison, measures, outputDirectory));
        written.add(ReportPage.write(folders, comparison, rows, measures, experiments, outputDirectory));
        return written;
    }
}
