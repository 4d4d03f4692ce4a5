package org.drlp.compare.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drlp.compare.PerformanceProfile;
import org.drlp.report.Figure;
import org.drlp.report.FigureFiles;
import org.drlp.report.Panel;
import org.drlp.report.Scale;
import org.drlp.report.Series;

/** profile-MEASURE.csv (rho of every configuration at every tau where one steps) and its plot as SVG and PNG. */
final class ProfileFiles {

    /** Ratios spread further than this get a log axis. */
    private static final double LOG_AXIS_FROM = 10;

    private ProfileFiles() {
    }

    static String baseName(PerformanceProfile profile) {
        return "profile-" + profile.measure().name();
    }

    /** @return the files written: the CSV, the SVG, the PNG */
    static List<Path> write(PerformanceProfile profile, String experiments, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        Path csv = directory.resolve(baseName(profile) + ".csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>(List.of("tau"));
            header.addAll(profile.configurations());
            printer.printRecord(header);
            for (double tau : taus(profile)) {
                List<String> row = new ArrayList<>(List.of(Numbers.format(tau)));
                for (int s = 0; s < profile.configurations().size(); s++) row.add(Numbers.format(profile.rho(s, tau)));
                printer.printRecord(row);
            }
        }
        written.add(csv);
        Figure figure = figure(profile, experiments);
        Path svg = directory.resolve(baseName(profile) + ".svg");
        FigureFiles.writeSvg(figure, svg);
        written.add(svg);
        Path png = directory.resolve(baseName(profile) + ".png");
        FigureFiles.writePng(figure, png);
        written.add(png);
        return written;
    }

    /** 1, then every step; just 1 when nothing was solved (every rho is 0 there). */
    private static double[] taus(PerformanceProfile profile) {
        double[] steps = profile.taus();
        if (steps.length > 0 && steps[0] == 1) return steps;
        double[] taus = new double[steps.length + 1];
        taus[0] = 1;
        System.arraycopy(steps, 0, taus, 1, steps.length);
        return taus;
    }

    static Figure figure(PerformanceProfile profile, String experiments) {
        double[] taus = taus(profile);
        double last = taus[taus.length - 1];
        double end = last > 1 ? last : 2; // all ties at 1: show the level over some width
        List<Series> lines = new ArrayList<>();
        for (int s = 0; s < profile.configurations().size(); s++) lines.add(steps(profile, s, taus, end));
        String measure = profile.measure().name();
        String title = experiments + ": performance profile of " + measure;
        Scale x = end > LOG_AXIS_FROM ? Scale.LOG : Scale.LINEAR;
        return new Figure(title, List.of(new Panel(profile.configurations().size() + " configurations on "
                + profile.problems().size() + " problems; unsolved counts as never", "tau (" + measure
                + " over the least of any configuration)", "rho(tau): share of problems solved within tau", lines, x,
                Scale.LINEAR)));
    }

    /** rho_s as a step function: flat between the taus, rising at each. */
    private static Series steps(PerformanceProfile profile, int s, double[] taus, double end) {
        List<double[]> points = new ArrayList<>();
        double level = profile.rho(s, taus[0]);
        points.add(new double[] {taus[0], level});
        for (int i = 1; i < taus.length; i++) {
            double next = profile.rho(s, taus[i]);
            if (next != level) {
                points.add(new double[] {taus[i], level});
                points.add(new double[] {taus[i], next});
                level = next;
            }
        }
        points.add(new double[] {end, level});
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return new Series(profile.configurations().get(s), x, y);
    }
}
