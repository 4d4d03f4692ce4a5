package org.drlp.kernel.start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drlp.api.ParameterSpec;
import org.drlp.api.ParameterType;
import org.drlp.api.Parameters;
import org.drlp.spi.CheckContext;
import org.drlp.spi.ReluProgram;
import org.drlp.spi.StartProvider;
import org.drlp.spi.StartStrategy;
import org.drlp.spi.WarmStart;
import org.osgi.service.component.annotations.Component;

/**
 * Start {@code point}: the free-direction phase from a given point instead of the model's (a warm
 * start: the end of an earlier run, or of another method). The point is either {@code values}, one
 * number per coordinate (what a program passes when it chains runs), or {@code file}: one number
 * per line, or {@code name,value} lines naming every coordinate as the model names them (as an
 * earlier run's {@code results.json} lists its {@code parameters}; a header line is skipped).
 */
@Component(service = StartProvider.class, property = "name=" + GivenPoint.NAME)
public final class GivenPoint implements StartProvider {

    public static final String NAME = "point";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("file", null, "the point: one value per line, or name,value lines").asOptional(),
            ParameterSpec.list("values", ParameterType.REAL_LIST, null, "the point's coordinates").asOptional());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "free-direction phase from a given point (file or values)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public void check(Parameters parameters, CheckContext context) {
        boolean file = parameters.has("file"), values = parameters.has("values");
        if (file == values) {
            context.problem(null, "give the point as exactly one of \"file\" and \"values\"");
        } else if (file && !Files.isReadable(parameters.path("file"))) {
            context.problem("file", "cannot read " + parameters.path("file"));
        }
    }

    @Override
    public StartStrategy create(Parameters parameters) {
        if (parameters.has("values")) {
            double[] point = parameters.reals("values").stream().mapToDouble(Double::doubleValue).toArray();
            return (program, given, names) -> WarmStart.at(fit(point, given.length, "values"));
        }
        Path file = parameters.path("file");
        return (program, given, names) -> WarmStart.at(read(file, given.length, names));
    }

    private static double[] fit(double[] point, int n, String source) {
        if (point.length != n) {
            throw new IllegalArgumentException(source + " has " + point.length + " coordinates, the program " + n);
        }
        return point.clone();
    }

    /**
     * The comma after the name on a name,value line: the last comma that ends one of the model's
     * names (the ReLU models' names have commas of their own: {@code L1.w[1,2]}), else the first.
     * -1 for a line without a comma.
     */
    private static int nameEnd(String line, Set<String> names) {
        int first = line.indexOf(','), found = -1;
        for (int comma = first; comma >= 0; comma = line.indexOf(',', comma + 1)) {
            if (names.contains(line.substring(0, comma).strip())) found = comma;
        }
        return found >= 0 ? found : first;
    }

    /** Reads the point; every fault names the file, line and column. */
    static double[] read(Path file, int n, List<String> names) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Set<String> known = new HashSet<>(names);
        List<double[]> plain = new ArrayList<>();
        Map<String, Double> named = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            int comma = nameEnd(line, known);
            String value = comma < 0 ? line : line.substring(comma + 1).strip();
            int column = comma < 0 ? 1 : comma + 2;
            if (comma >= 0 && value.indexOf(',') >= 0) value = value.substring(0, value.indexOf(',')).strip();
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                if (i == 0 && comma >= 0) continue; // a header line
                throw new IllegalArgumentException(file + ":" + (i + 1) + ":" + column + ": not a number: \"" + value + "\"");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ":" + column + ": not finite: " + value);
            }
            if (comma < 0) plain.add(new double[] {v});
            else named.put(line.substring(0, comma).strip(), v);
        }
        if (!named.isEmpty() && !plain.isEmpty()) {
            throw new IllegalArgumentException(file + ": mixes name,value lines with lines of one value");
        }
        if (named.isEmpty()) {
            double[] point = new double[plain.size()];
            for (int i = 0; i < point.length; i++) point[i] = plain.get(i)[0];
            return fit(point, n, file.toString());
        }
        if (names.size() != n) throw new IllegalArgumentException(file + ": the model names no coordinates");
        double[] point = new double[n];
        for (int i = 0; i < n; i++) {
            Double v = named.get(names.get(i));
            if (v == null) {
                throw new IllegalArgumentException(file + ": no line for coordinate \"" + names.get(i)
                        + "\"; it has " + String.join(", ", named.keySet()));
            }
            point[i] = v;
        }
        return point;
    }
}
