package org.drlp.model.linear;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.drlp.api.CoefficientTable;
import org.drlp.report.Figure;
import org.drlp.report.FigureFiles;
import org.drlp.report.Panel;
import org.drlp.report.Series;
import org.drlp.spi.ForwardingProblem;
import org.drlp.spi.Problem;

/**
 * A linear quantile regression asked for its whole process ({@code "tau": "process"}): the run
 * solves the median as usual, and from that solution this follows the solution through every tau
 * in (0, 1) ({@link QuantileProcess}), writing {@value #CSV} (a row per breakpoint: tau, every
 * coefficient by name, the objective) and {@value #SVG} with {@value #PNG} (each coefficient against
 * tau, one panel each, with the least-squares estimate as a line and the pointwise confidence band
 * of the run's inference at tau = 0.05, 0.10, ..., 0.95, as R's {@code plot(summary(rq(...)))} draws
 * it) into the run's folder, as the run's objective plots are. Everything else is the plain problem's
 * (forwarded).
 */
final class ProcessProblem extends ForwardingProblem {

    static final String CSV = "process.csv";
    static final String SVG = "process.svg";
    static final String PNG = "process.png";
    /** The quantile level the run solves, from which the process is followed both ways. */
    static final double START_TAU = 0.5;

    /** The quantile levels at which the band is computed. */
    private static final int BAND_POINTS = 19;

    /** The coefficient table of a fit at a quantile level; empty when the run's inference gives none. */
    @FunctionalInterface
    interface TableAt {
        Optional<CoefficientTable> table(double tau, double[] coefficients);
    }

    private final TableAt band;
    private final double[] design;
    private final double[] target;
    private final int p;
    private double[] processedAt;
    private List<QuantileProcess.Segment> process;

    ProcessProblem(Problem plain, TableAt band, double[] design, double[] target, int p) {
        super(plain);
        this.band = band;
        this.design = design;
        this.target = target;
        this.p = p;
    }

    @Override
    public void writeArtifacts(double[] solution, Path runDirectory) throws IOException {
        problem.writeArtifacts(solution, runDirectory);
        List<QuantileProcess.Segment> segments = process(solution);
        writeCsv(segments, runDirectory.resolve(CSV));
        Figure figure = figure(segments);
        FigureFiles.writeSvg(figure, runDirectory.resolve(SVG));
        FigureFiles.writePng(figure, runDirectory.resolve(PNG));
    }

    /** The plain problem's measures, and how many breakpoints the process has in (0, 1). */
    @Override
    public Map<String, Double> evaluate(double[] solution) {
        Map<String, Double> measures = new LinkedHashMap<>(problem.evaluate(solution));
        measures.put("processBreakpoints", (double) (process(solution).size() - 2));
        return measures;
    }

    /** The process from this solution at the median, computed once per solution. */
    List<QuantileProcess.Segment> process(double[] solution) {
        if (process == null || !Arrays.equals(processedAt, solution)) {
            process = QuantileProcess.of(design, target, p, solution, START_TAU);
            processedAt = solution.clone();
        }
        return process;
    }

    private void writeCsv(List<QuantileProcess.Segment> segments, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("tau," + String.join(",", parameterNames()) + ",objective\n");
            StringBuilder line = new StringBuilder();
            for (QuantileProcess.Segment segment : segments) {
                line.setLength(0);
                line.append(segment.tau());
                for (double b : segment.coefficients()) line.append(',').append(b);
                line.append(',').append(segment.objective()).append('\n');
                out.write(line.toString());
            }
        }
    }

    /** One panel per coefficient: the process as a step function of tau, and the least-squares estimate. */
    private Figure figure(List<QuantileProcess.Segment> segments) {
        double[] leastSquares = new QRDecomposition(MatrixUtils.createRealMatrix(rows(design, p)))
                .getSolver().solve(MatrixUtils.createRealVector(target)).toArray();
        List<Panel> panels = new ArrayList<>();
        List<String> names = parameterNames();
        double[] gridTau = new double[BAND_POINTS];
        double[][] estimate = new double[p][BAND_POINTS], lower = new double[p][BAND_POINTS], upper = new double[p][BAND_POINTS];
        String bandName = null;
        for (int g = 0; g < BAND_POINTS; g++) {
            gridTau[g] = (g + 1) / (BAND_POINTS + 1.0);
            double[] coefficients = at(segments, gridTau[g]);
            Optional<CoefficientTable> table = band.table(gridTau[g], coefficients);
            for (int j = 0; j < p; j++) {
                estimate[j][g] = coefficients[j];
                lower[j][g] = table.isPresent() ? table.get().rows().get(j).lower() : Double.NaN;
                upper[j][g] = table.isPresent() ? table.get().rows().get(j).upper() : Double.NaN;
            }
            if (table.isPresent() && bandName == null && !Double.isNaN(table.get().level())) {
                bandName = Math.round(100 * table.get().level()) + "% band (" + table.get().inference() + ")";
            }
        }
        int steps = segments.size() - 1;
        for (int j = 0; j < p; j++) {
            double[] tau = new double[2 * steps];
            double[] value = new double[2 * steps];
            for (int s = 0; s < steps; s++) {
                tau[2 * s] = segments.get(s).tau();
                tau[2 * s + 1] = segments.get(s + 1).tau();
                value[2 * s] = value[2 * s + 1] = segments.get(s).coefficients()[j];
            }
            List<Series> series = new ArrayList<>();
            series.add(new Series("quantile regression", tau, value, null, null, 0));
            if (bandName != null) series.add(new Series(bandName, gridTau, estimate[j], lower[j], upper[j], 2));
            series.add(new Series("least squares", new double[] {0, 1},
                    new double[] {leastSquares[j], leastSquares[j]}, null, null, 1));
            panels.add(new Panel(names.get(j), "tau", "coefficient", series));
        }
        return new Figure("quantile process: " + (segments.size() - 2) + " breakpoints in (0, 1)", panels);
    }

    /** The process's coefficients at tau: those of the piece that holds there. */
    private static double[] at(List<QuantileProcess.Segment> segments, double tau) {
        for (int s = segments.size() - 1; s >= 0; s--) {
            if (segments.get(s).tau() <= tau) return segments.get(s).coefficients();
        }
        return segments.get(0).coefficients();
    }

    private static double[][] rows(double[] design, int p) {
        double[][] rows = new double[design.length / p][];
        for (int i = 0; i < rows.length; i++) rows[i] = Arrays.copyOfRange(design, i * p, i * p + p);
        return rows;
    }
}
