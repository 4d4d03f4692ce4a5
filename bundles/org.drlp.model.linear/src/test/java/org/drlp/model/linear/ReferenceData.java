package org.drlp.model.linear;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.drlp.api.SolveResult;
import org.drlp.kernel.VertexWalkSolver;

/**
 * The data of the R oracles (examples/data/engel.csv, stackloss.csv) as quantile fits solved by the
 * kernel, and the values R recorded for them (src/test/r/rank-boot-reference.R, rank-fixed-reference.R).
 */
final class ReferenceData {

    private ReferenceData() {
    }

    /** One line of rank-boot-reference.csv (or of rank-fixed-reference.csv, in the same columns). */
    record Reference(String data, double tau, String what, double param, String coefficient, double estimate,
                     double lower, double upper) {
    }

    static List<Reference> references() {
        return references("rank-boot-reference.csv");
    }

    static List<Reference> references(String resource) {
        List<Reference> rows = new ArrayList<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split(",");
                rows.add(new Reference(f[0], number(f[1]), f[2], number(f[3]), f[4], number(f[5]), number(f[6]),
                        number(f[7])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static double number(String text) {
        return text.equals("NA") ? Double.NaN : Double.parseDouble(text);
    }

    /** A data set's design (features, then an intercept column, as the model builds it) and target. */
    record Data(double[] design, double[] target, int p, List<String> names) {
    }

    /** engel: foodexp on income; stackloss: stack.loss on the three others. The target is the last column. */
    static Data data(String name) {
        Path file = examples().resolve(name + ".csv");
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",");
            int features = header.length - 1;
            if (name.equals("engel")) features = 1; // income, foodexp
            int p = features + 1;
            int n = lines.size() - 1;
            double[] design = new double[n * p], target = new double[n];
            for (int i = 0; i < n; i++) {
                double[] v = Arrays.stream(lines.get(i + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
                for (int c = 0; c < features; c++) design[i * p + c] = v[c];
                design[i * p + features] = 1;
                target[i] = v[features];
            }
            List<String> names = new ArrayList<>(Arrays.asList(header).subList(0, features));
            names.add("intercept");
            return new Data(design, target, p, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fit of the data at tau by the kernel's vertex walk. */
    static QuantileFit fit(String name, double tau) {
        Data d = data(name);
        SolveResult result = solves().solve(d.design(), d.target(), d.p(), tau, new double[d.p()], name);
        return new QuantileFit(d.design(), d.target(), d.p(), tau, d.names(), result.point(), true);
    }

    static QuantileSolves solves() {
        return new QuantileSolves(new VertexWalkSolver());
    }

    private static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path data = dir.resolve("examples/data");
            if (Files.isDirectory(data)) return data;
        }
        throw new IllegalStateException("examples/data not found above " + Path.of("").toAbsolutePath());
    }
}
